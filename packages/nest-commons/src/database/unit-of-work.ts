import { AsyncLocalStorage } from 'node:async_hooks';
import { ChangeSetType, DeadlockException, EventType, FlushMode, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM, SqlEntityManager } from '@mikro-orm/postgresql';
import { AggregateRoot, ConflictError, type DomainEvent } from '@hub/kernel';

/**
 * What the messaging part of the platform adds to every unit of work (ADR 0035 §3): turn the domain
 * events recorded by the transaction's aggregates into outbox rows before commit (whose commit wakes
 * the relay, ADR 0135). Absent in an app without messaging (the gateway): recorded events are then an error.
 */
export interface UnitOfWorkHooks {
  /** Writes the events' outbox rows; returns how many it wrote (0: the events map to no integration event). */
  publishRecorded(em: SqlEntityManager, events: readonly DomainEvent[]): Promise<number>;
  /**
   * After a commit, with the number of outbox rows the transaction wrote. The platform's does nothing
   * since ADR 0135: the commit of a transaction that wrote outbox rows wakes the relay by itself
   * (`Outbox.add`), and one that wrote none (a draft saved, say) does not (issue #17).
   */
  afterCommit(outboxRows: number): void;
}

export const UNIT_OF_WORK_HOOKS = Symbol('HUB_UNIT_OF_WORK_HOOKS');

/**
 * One command = one transaction (ADR 0035). `run` opens a transaction on a fresh EntityManager fork
 * and makes it the current one for the repositories (`em()`, through AsyncLocalStorage); after the
 * work it flushes, pulls the domain events every aggregate in the identity map recorded, and has them
 * written to the outbox in the same transaction — aggregate, events and timers commit together or
 * not at all. It is the one place where the database's "somebody else got there first" becomes a
 * 409: an optimistic-lock failure (`concurrent-change`) or a unique constraint (`duplicate`).
 */
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<SqlEntityManager>();

  constructor(
    private readonly orm: MikroORM,
    private readonly hooks?: UnitOfWorkHooks,
  ) {}

  /** Runs `work` in one transaction. Called inside another unit of work, it joins that transaction. */
  async run<T>(work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    let result: T;
    let published = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        result = await this.orm.em.fork().transactional((tx) => {
          const em = tx as SqlEntityManager;
          return this.current.run(em, async () => {
            const value = await work(em);
            published = await this.complete(em);
            return value;
          });
        });
        break;
      } catch (e) {
        // PostgreSQL chose this transaction as a deadlock victim (40P01) or could not serialise it
        // (40001): nothing of it was committed, so the whole unit of work runs again in a fresh
        // transaction — concurrent inserts under an exclusion constraint (housing's beds) do this.
        if (attempt < RETRIES_ON_DEADLOCK && isTransient(e)) {
          await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 20)));
          continue;
        }
        throw asConflict(e);
      }
    }
    this.hooks?.afterCommit(published);
    return result;
  }

  /**
   * Issue #17, ADR 0136: a command whose ONLY write is one new entity of `entity`, with no domain
   * event recorded — `POST /applications` (a new draft). `run` sends `begin`, the reads, the insert
   * and `commit`; this sends the reads and ONE insert, which PostgreSQL commits as a transaction of
   * its own: two round trips fewer (begin, commit) on the command path, nothing else given up:
   * - The reads run outside a transaction, each in its own snapshot — what a READ COMMITTED
   *   transaction gives them anyway. So `work` must take no lock (`for update`, advisory locks),
   *   which would end with its statement here.
   * - Nothing is flushed before the end (flush mode `commit`), so nothing is written before the one
   *   insert; a conflict on a unique index is the same 409 as in `run` (`duplicate`).
   * - Anything else the work leaves in the unit of work — a second new entity, a change to a loaded
   *   one, a removal, a recorded domain event (whose outbox row must commit with it) — is refused
   *   as a defect before anything is written: such a use case belongs in `run`. The check is made
   *   on the unit of work's change sets, so it cannot be outrun by a new code path.
   * - The insert is MikroORM's own (`em.insert` of the entity: the same column mapping as a flush),
   *   without any of MikroORM's events. So an `entity` that anything listens to — a lifecycle hook of its
   *   own (`beforeCreate`, `onInit`, …) or an EventSubscriber of its events or of every flush (one that
   *   does not name its entities in `getSubscribedEntities`) — is refused before the work runs: the
   *   insert would bypass it. (Registration's registry rows follow participants and say so — ADR 0125.)
   *   Transaction events are not the entity's: the insert opens no transaction to announce.
   */
  async runInsertingOne<T>(entity: abstract new (...args: never[]) => object, work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('runInsertingOne inside a unit of work: use the outer unit of work (run) instead');
    const em = this.orm.em.fork({ flushMode: FlushMode.COMMIT });
    const listened = listenersBypassedByInsert(em, entity);
    if (listened.length > 0)
      throw new Error(`runInsertingOne: ${entity.name} has MikroORM listeners a bare insert would bypass (${listened.join(', ')}): use run (ADR 0136)`);
    try {
      return await this.current.run(em, async () => {
        const value = await work(em);
        const events = pullRecordedEvents(em);
        if (events.length > 0)
          throw new Error(
            `runInsertingOne: the work recorded ${events.length} domain event(s) (${events[0]!.name} …), whose outbox rows must commit with it: use run`,
          );
        const uow = em.getUnitOfWork();
        uow.computeChangeSets();
        const changes = uow.getChangeSets();
        const [only] = changes;
        if (changes.length !== 1 || only!.type !== ChangeSetType.CREATE || !(only!.entity instanceof entity))
          throw new Error(
            `runInsertingOne: the work must leave exactly one new ${entity.name} and nothing else; it left ${changes.map((c) => `${c.type} ${c.meta.className}`).join(', ') || 'nothing'}: use run`,
          );
        await em.insert(only!.entity);
        return value;
      });
    } catch (e) {
      throw asConflict(e);
    }
  }

  /**
   * Runs `work` inside a transaction somebody else opened (an inbox consumer's, a timer's): the same
   * repositories and the same publishing of recorded events, committed by the owner of `em`.
   */
  async within<T>(em: SqlEntityManager, work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.current.run(em, async () => {
        const value = await work(em);
        await this.complete(em);
        return value;
      });
    } catch (e) {
      throw asConflict(e);
    }
  }

  /** The current transaction's EntityManager; repositories use it. Outside `run`/`within` it is a defect. */
  em(): SqlEntityManager {
    const em = this.current.getStore();
    if (!em) throw new Error('UnitOfWork.em() called outside a unit of work: wrap the use case in uow.run(...)');
    return em;
  }

  /** Whether a unit of work is open in this async context. */
  get active(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** A fresh EntityManager for reads (no transaction, no identity map shared with anyone). */
  reader(): SqlEntityManager {
    return this.orm.em.fork();
  }

  /** Flushes and writes the recorded events to the outbox; returns the number of outbox rows written. */
  private async complete(em: SqlEntityManager): Promise<number> {
    await em.flush();
    let published = 0;
    // Publishing may not change aggregates, but a mapper may load one: loop until nothing is pending.
    for (let round = 0; round < 5; round++) {
      const events = pullRecordedEvents(em);
      if (events.length === 0) return published;
      if (!this.hooks)
        throw new Error(`aggregates recorded ${events.length} domain event(s) (${events[0]!.name} …) but this app has no messaging to publish them`);
      published += await this.hooks.publishRecorded(em, events);
      await em.flush();
    }
    throw new Error('domain events kept being recorded while publishing them (a mapper changes aggregates?)');
  }
}

/** The events recorded by every aggregate the EntityManager manages (loaded, persisted), in recording order per aggregate. */
export function pullRecordedEvents(em: SqlEntityManager): DomainEvent[] {
  const uow = em.getUnitOfWork();
  const seen = new Set<object>();
  const events: DomainEvent[] = [];
  const managed: object[] = [...(uow.getIdentityMap().values() as object[]), ...(uow.getPersistStack() as Set<object>)];
  for (const entity of managed) {
    if (seen.has(entity) || !(entity instanceof AggregateRoot)) continue;
    seen.add(entity);
    events.push(...(entity as AggregateRoot<DomainEvent>).pullEvents());
  }
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** MikroORM's entity and flush events — every one but the transaction events, which name no entity. */
const ENTITY_AND_FLUSH_EVENTS = Object.values(EventType).filter((e) => !/Transaction/.test(e));

/**
 * ADR 0136: the events of `entity` that a hook or a subscriber listens to — each would be skipped by `em.insert`,
 * which fires none. A subscriber that does not name its entities listens to every entity's events and flushes.
 */
export function listenersBypassedByInsert(em: SqlEntityManager, entity: abstract new (...args: never[]) => object): EventType[] {
  const meta = em.getMetadata().find(entity);
  if (!meta) throw new Error(`runInsertingOne: ${entity.name} is not an entity of this app`);
  const events = em.getEventManager();
  return ENTITY_AND_FLUSH_EVENTS.filter((e) => events.hasListeners(e, meta));
}

const RETRIES_ON_DEADLOCK = 3;
const isTransient = (e: unknown): boolean => e instanceof DeadlockException || (e as { code?: unknown } | null)?.code === '40001';

/** The database's two ways of saying "somebody else got there first", as the one 409 of the platform. */
export function asConflict(e: unknown): unknown {
  if (e instanceof OptimisticLockError) {
    return new ConflictError('concurrent-change', 'the record was changed by another request at the same time; reload it and try again');
  }
  if (isTransient(e)) {
    return new ConflictError('concurrent-change', 'the record was changed by another request at the same time; try again');
  }
  if (e instanceof UniqueConstraintViolationException) {
    return new ConflictError('duplicate', 'the same record was created by another request at the same time');
  }
  return e;
}
