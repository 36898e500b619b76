import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type Fee } from '../../../domain/fee.aggregate.js';

export class RecordPaymentCommand extends Command<Fee> {
  constructor(
    readonly actor: Actor,
    readonly feeId: string,
    readonly input: { /** In tiyn (ADR 0036). */ amountTiyn: number; paidOn: string; reference: string },
  ) {
    super();
  }
}
