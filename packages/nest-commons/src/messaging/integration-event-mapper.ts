import type { IntegrationEventDefinition, PayloadOf } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';

/** One integration event to write to the outbox (ADR 0035 §3). */
export interface OutboxMessage<D extends IntegrationEventDefinition = IntegrationEventDefinition> {
  readonly definition: D;
  readonly aggregateId: string;
  readonly payload: PayloadOf<D>;
  /** Kafka key: events with one key keep their order (contexts key by the company's BIN). */
  readonly key: string;
}

export function outboxMessage<D extends IntegrationEventDefinition>(definition: D, aggregateId: string, payload: PayloadOf<D>, key: string): OutboxMessage<D> {
  return { definition, aggregateId, payload, key };
}

/**
 * A context's published language, seen from its domain: which recorded domain event becomes which
 * integration event(s), in which version, with which key. One class per context; a domain event it
 * maps to nothing stays internal. It runs in the command's transaction, so it may read (not write).
 */
export abstract class IntegrationEventMapper {
  abstract map(event: DomainEvent): readonly OutboxMessage[] | Promise<readonly OutboxMessage[]>;
}

/** For contexts that publish nothing yet: every recorded event stays internal. */
export class NoIntegrationEvents extends IntegrationEventMapper {
  map(): readonly OutboxMessage[] {
    return [];
  }
}
