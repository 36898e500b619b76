import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import type { Tiyn } from '@hub/kernel';

/** One statement row and the fee it paid (issue #11: the import's summary). */
export interface ImportedPayment {
  readonly row: number;
  readonly bin: string;
  readonly year: number;
  readonly quarter: number;
  readonly amount: Tiyn;
  readonly reference: string;
  readonly feeId: string;
  readonly feeStatus: string;
  readonly outstanding: Tiyn | null;
}

export interface ImportResult {
  readonly importId: string;
  readonly rows: number;
  readonly total: Tiyn;
  readonly payments: readonly ImportedPayment[];
}

export class ImportBankStatementCommand extends Command<ImportResult> {
  constructor(
    readonly actor: Actor,
    readonly csv: string,
  ) {
    super();
  }
}
