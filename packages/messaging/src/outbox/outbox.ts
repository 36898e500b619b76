import type { EventEnvelope, IntegrationEventDefinition, PayloadOf } from '@hub/contracts';
import { type Clock, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '../context/message-context.js';
import { activeTraceCarrier } from '../tracing/trace-context.js';
import { type Em, requireTransaction, sql } from '../sql.js';
import { markOutboxWrite } from './outbox-signal.js';

/**
 * The PostgreSQL channel on which a commit that wrote outbox rows is announced to the relays of every
 * process of the database (ADR 0135). Channels are per database: one name serves every context.
 */
export const OUTBOX_CHANNEL = 'hub_outbox';

/**
 * The transactional outbox writer. A command handler calls `add` inside the same
 * `em.transactional` that saves the aggregate: the event row commits with the aggregate or not at
 * all, and the relay publishes it afterwards. The payload is checked against the contract before
 * anything is written, so a producer can never publish what its consumers cannot read.
 */
export class Outbox {
  constructor(private readonly clock: Clock) {}

  async add<D extends IntegrationEventDefinition>(
    em: Em,
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
    options: { eventId?: string; occurredAt?: Date; /** Kafka key (default: the aggregate id): events with one key keep their order. */ key?: string } = {},
  ): Promise<EventEnvelope<PayloadOf<D>>> {
    requireTransaction(em, 'Outbox.add');
    const parsed = definition.payload.parse(payload) as PayloadOf<D>;
    const ctx = MessageContexts.currentOrNew();
    const occurredAt = options.occurredAt ?? this.clock.now();
    const envelope: EventEnvelope<PayloadOf<D>> = {
      id: options.eventId ?? uuidv7(),
      type: definition.type,
      version: definition.version,
      occurredAt: occurredAt.toISOString(),
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      aggregateId,
      payload: parsed,
      // The request's (or consumed event's) trace context, kept in the row until the relay sends it (ADR 0102).
      ...activeTraceCarrier(),
    };
    await sql(
      em,
      `insert into hub_outbox (event_id, topic, message_key, event_type, event_version, envelope, created_at, attempts)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, 0)`,
      [envelope.id, definition.topic, options.key ?? aggregateId, definition.type, definition.version, JSON.stringify(envelope), this.clock.now()],
    );
    // ADR 0135 §1: this process's relays hear of the commit without the database's round trip; the
    // relays of other processes through the ORM's OutboxNotifier, after the commit (ADR 0147) — a
    // NOTIFY inside this transaction would serialise its commit with every other notifying one.
    markOutboxWrite(em);
    return envelope;
  }
}
