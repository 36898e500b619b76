import { randomUUID } from 'node:crypto';
import type { EventManager, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { Em } from '../sql.js';

/**
 * The in-process half of waking the relay (ADR 0135 §1): a transaction that wrote outbox rows
 * signals the relays of its database when it commits — whoever opened it: a command's unit of work,
 * an event consumer's batch (ADR 0126), the timer poller's batch (ADR 0086). `Outbox.add`, the one
 * place that writes outbox rows, marks the transaction it writes in; a MikroORM transaction
 * subscriber, registered once on the relay's EventManager (the ORM's, i.e. the database's: the
 * clone each `em.transactional` runs with carries it), sees the commit and calls the listeners. A transaction rolled back signals nothing (its mark is garbage with it).
 *
 * Savepoints: a nested `em.transactional` (the timer poller's guarded batches) runs in a savepoint,
 * whose "commit" is only a release; the mark moves up to the enclosing transaction then, and only
 * the top-level commit signals. The enclosing transaction of a savepoint is learnt when the
 * savepoint starts (MikroORM dispatches beforeTransactionStart with the parent and
 * afterTransactionStart with the savepoint, on the same EntityManager).
 */

/** Transaction contexts (top-level or savepoint) that wrote outbox rows and have not committed yet. */
const wrote = new WeakSet<object>();
/** A savepoint's enclosing transaction context. */
const parentOf = new WeakMap<object, object>();
/** Between beforeTransactionStart and afterTransactionStart of a savepoint: the parent, by EntityManager. */
const opening = new WeakMap<object, object>();
/** The listeners of each EventManager (one subscriber per EventManager, registered once: MikroORM cannot remove one). */
const listenersOf = new WeakMap<EventManager, Set<() => void>>();
/**
 * A random name per ORM, sent as the NOTIFY payload (see `outboxSourceOf`). Keyed by the ORM's
 * Configuration, which every fork shares — `em.transactional` runs on a fork with a *clone* of the
 * EventManager (which carries the subscriber registered before it was cloned), so an EventManager
 * does not name the ORM.
 */
const sourceOf = new WeakMap<object, string>();

const isSavepoint = (ctx: object): boolean => 'savepointName' in ctx;

class OutboxCommitSubscriber implements EventSubscriber {
  constructor(private readonly listeners: Set<() => void>) {}

  beforeTransactionStart(args: TransactionEventArgs): void {
    if (args.transaction) opening.set(args.em, args.transaction as object);
  }

  afterTransactionStart(args: TransactionEventArgs): void {
    const ctx = args.transaction as object | undefined;
    const parent = opening.get(args.em);
    opening.delete(args.em);
    if (ctx && parent && isSavepoint(ctx)) parentOf.set(ctx, parent);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const ctx = args.transaction as object | undefined;
    if (!ctx || !wrote.has(ctx)) return;
    wrote.delete(ctx);
    if (isSavepoint(ctx)) {
      // Released into the enclosing transaction: its commit is the one that makes the rows visible.
      const parent = parentOf.get(ctx);
      if (parent) wrote.add(parent);
      return;
    }
    for (const listener of this.listeners) listener();
  }
}

/** Called by `Outbox.add` inside the transaction that writes an outbox row. */
export function markOutboxWrite(em: Em): void {
  const ctx = em.getTransactionContext<object>();
  if (ctx) wrote.add(ctx);
}

/**
 * Calls `listener` after every commit, on `em`'s ORM, of a transaction that wrote outbox rows.
 * Returns the function that removes it.
 */
export function onOutboxCommit(em: Em, listener: () => void): () => void {
  const events = em.getEventManager();
  let listeners = listenersOf.get(events);
  if (!listeners) {
    listeners = new Set();
    listenersOf.set(events, listeners);
    events.registerSubscriber(new OutboxCommitSubscriber(listeners));
  }
  listeners.add(listener);
  const registered = listeners;
  return () => {
    registered.delete(listener);
  };
}

/**
 * The name of `em`'s ORM in this process (any fork of it), sent as the payload of the outbox NOTIFY (ADR 0135 §2): a
 * relay on the same ORM ignores its own ORM's notifications — the commit signal above has already
 * woken it, without the database's round trip — and a relay of any other ORM or process acts on them.
 */
export function outboxSourceOf(em: Em): string {
  let source = sourceOf.get(em.config);
  if (!source) {
    source = randomUUID();
    sourceOf.set(em.config, source);
  }
  return source;
}
