import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '@hub/kernel';

/**
 * Flushes and turns the database's "someone else got there first" into a 409: an optimistic-lock
 * failure (two people acting on one application at once) or a unique constraint (one participant
 * per BIN, one certificate per number). The transaction still rolls back as a whole.
 */
export async function flushOrConflict(em: SqlEntityManager, what: string): Promise<void> {
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof OptimisticLockError) throw new ConflictError('registration.concurrent-change', `${what} was changed by someone else at the same time: reload it and try again`);
    if (e instanceof UniqueConstraintViolationException) throw new ConflictError('registration.duplicate', `${what} conflicts with an existing record (${(e as Error).message.split('\n')[0]?.slice(0, 200) ?? 'unique constraint'})`);
    throw e;
  }
}
