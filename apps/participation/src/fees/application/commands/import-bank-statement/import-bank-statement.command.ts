import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import type { Tiyn } from '@hub/kernel';

export interface ImportResult {
  readonly importId: string;
  readonly rows: number;
  readonly total: Tiyn;
}

export class ImportBankStatementCommand extends Command<ImportResult> {
  constructor(
    readonly actor: Actor,
    readonly csv: string,
  ) {
    super();
  }
}
