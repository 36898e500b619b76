import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { OutboxRelay } from '@hub/messaging';

/**
 * One command = one transaction. Handlers do their whole write — aggregate, outbox events,
 * timers — inside `run`; it commits all of it or nothing (no half-written aggregate), then wakes
 * the outbox relay so the events leave at once. Each call gets a fresh EntityManager fork: no
 * identity map leaks between requests.
 */
export class UnitOfWork {
  constructor(
    private readonly orm: MikroORM,
    private readonly relay?: OutboxRelay,
  ) {}

  async run<T>(work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
    const result = await this.orm.em.fork().transactional((em) => work(em as SqlEntityManager));
    this.relay?.wake();
    return result;
  }

  /** A fresh EntityManager for reads. */
  reader(): SqlEntityManager {
    return this.orm.em.fork();
  }
}
