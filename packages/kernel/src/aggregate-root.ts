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

// Recorded events live beside the aggregate, not in it: an ORM that hydrates an entity without
// running its constructor or field initialisers (MikroORM does) must still be able to record, and
// nothing recorded may ever be mapped to a column.
const pending = new WeakMap<object, DomainEvent[]>();

export abstract class AggregateRoot<TEvent extends DomainEvent = DomainEvent> {
  protected record(event: TEvent): void {
    const events = pending.get(this);
    if (events) events.push(event);
    else pending.set(this, [event]);
  }

  /** Returns the events recorded since the last pull and forgets them. */
  pullEvents(): TEvent[] {
    const events = (pending.get(this) ?? []) as TEvent[];
    pending.delete(this);
    return events;
  }

  peekEvents(): readonly TEvent[] {
    return (pending.get(this) ?? []) as TEvent[];
  }
}
