import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';

export class ImportBankStatementCommand extends Command<{ importId: string; rows: number; totalKzt: number }> {
  constructor(readonly actor: Actor, readonly csv: string) {
    super();
  }
}
