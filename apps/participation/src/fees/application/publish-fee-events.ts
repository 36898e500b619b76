import type { Em } from '@hub/messaging';
import type { ContextServices } from '../../shared/application/platform.js';
import type { Fee } from '../domain/fee.aggregate.js';
import { mapFeeEvent } from '../fees.integration-events.js';

/**
 * Until the platform's UnitOfWork publishes recorded events itself (ADR 0035 §3): pull the fee's
 * recorded events and write what `mapFeeEvent` makes of them to the outbox, in the caller's
 * transaction. Pulling empties the fee's list, so the unit of work cannot publish them twice.
 */
export async function publishFeeEvents(ctx: ContextServices, em: Em, fee: Fee): Promise<void> {
  for (const event of fee.pullEvents()) {
    for (const m of mapFeeEvent(event)) await ctx.publish(em, m.definition, m.aggregateId, m.key, m.payload);
  }
}
