import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type Fee } from '../../../domain/fee.aggregate.js';

export class RecordPaymentCommand extends Command<Fee> {
  constructor(readonly actor: Actor, readonly feeId: string, readonly input: { amountTiyn?: number | undefined; /** @deprecated ADR 0036 */ amountKzt?: number | undefined; paidOn: string; reference: string }) {
    super();
  }
}
