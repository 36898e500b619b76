import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { DebtorsRegister, type RegisterAnswer, TaxDebtData, UnfairProcurementRegister } from '../../application/ports/registers.ports.js';

/**
 * DEVELOPMENT ADAPTER — NOT A STATE REGISTER. Answers every BIN with no tax debt and not listed,
 * and says so in `source`, so that a review done with it can never pass for a real check. Chosen by
 * `TRAINING_REGISTERS=development` (the default is `none`: the officer's recorded check is required).
 */
export const DEVELOPMENT_REGISTER_SOURCE = 'development-adapter (NOT a state register: no real data)';

@Injectable()
export class DevelopmentTaxDebtData extends TaxDebtData {
  debtOf(_bin: string, on: IsoDate): Promise<RegisterAnswer<{ taxDebtTiyn: number; pensionSocialArrearsTiyn: number }>> {
    return Promise.resolve({ value: { taxDebtTiyn: 0, pensionSocialArrearsTiyn: 0 }, source: DEVELOPMENT_REGISTER_SOURCE, checkedOn: on });
  }
}
@Injectable()
export class DevelopmentUnfairProcurementRegister extends UnfairProcurementRegister {
  lookup(_bin: string, on: IsoDate): Promise<RegisterAnswer<{ listed: boolean }>> {
    return Promise.resolve({ value: { listed: false }, source: DEVELOPMENT_REGISTER_SOURCE, checkedOn: on });
  }
}
@Injectable()
export class DevelopmentDebtorsRegister extends DebtorsRegister {
  lookup(_bin: string, on: IsoDate): Promise<RegisterAnswer<{ listed: boolean }>> {
    return Promise.resolve({ value: { listed: false }, source: DEVELOPMENT_REGISTER_SOURCE, checkedOn: on });
  }
}

/** No register connected (production until one is): every lookup is unavailable, the officer's check is required. */
@Injectable()
export class UnavailableRegisters {
  readonly tax: TaxDebtData = { debtOf: () => Promise.resolve(null) };
  readonly unfairProcurement: UnfairProcurementRegister = { lookup: () => Promise.resolve(null) };
  readonly debtors: DebtorsRegister = { lookup: () => Promise.resolve(null) };
}
