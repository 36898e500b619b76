import type { IsoDate } from '@hub/calendar';

/**
 * The external registers of F-68 as ports (ADR 0071). An adapter answers with the fact, where it
 * came from and the day it was checked; `null` means the register is not available to this
 * deployment — then the officer's recorded check with evidence is required.
 */
export interface RegisterAnswer<T> {
  readonly value: T;
  readonly source: string;
  readonly checkedOn: IsoDate;
}

/** F-68(1): the applicant's tax debt and pension/social contribution arrears, in tiyn (the State Revenue Committee's data). */
export abstract class TaxDebtData {
  abstract debtOf(bin: string, on: IsoDate): Promise<RegisterAnswer<{ taxDebtTiyn: number; pensionSocialArrearsTiyn: number }> | null>;
}
/** F-68(4): the register of unfair participants of public procurement. */
export abstract class UnfairProcurementRegister {
  abstract lookup(bin: string, on: IsoDate): Promise<RegisterAnswer<{ listed: boolean }> | null>;
}
/** F-68(5): the unified register of debtors. */
export abstract class DebtorsRegister {
  abstract lookup(bin: string, on: IsoDate): Promise<RegisterAnswer<{ listed: boolean }> | null>;
}
