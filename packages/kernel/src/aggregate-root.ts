/**
 * Aggregate root with recorded domain events. Aggregates hold the rules; a command handler loads
 * one, calls a method, and the method records past-tense domain events with `record`. The
 * application layer then pulls them (`pullEvents`) and maps the ones other contexts care about to
 * integration events written to the outbox in the same transaction (messaging package).
 */
export interface DomainEvent {
  /** Past-tense name, e.g. `ApplicationSubmitted`. */
  readonly name: string;
  readonly aggregateId: string;
  readonly occurredAt: Date;
}

export abstract class AggregateRoot<TEvent extends DomainEvent = DomainEvent> {
  // Not persisted: MikroORM maps only declared properties.
  #pending: TEvent[] = [];

  protected record(event: TEvent): void {
    this.#pending.push(event);
  }

  /** Returns the events recorded since the last pull and forgets them. */
  pullEvents(): TEvent[] {
    const events = this.#pending;
    this.#pending = [];
    return events;
  }

  peekEvents(): readonly TEvent[] {
    return this.#pending;
  }
}
