import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '@hub/kernel';
import type { UnitOfWork } from '@hub/nest-commons';

/**
 * One command, one transaction (UnitOfWork.run), with the two ways a concurrent request can lose
 * answered as 409 instead of 500: another request changed the same record first (optimistic lock),
 * or created the same unique thing first (a payment reference, a quarter's fee).
 */
export async function runCommand<T>(uow: UnitOfWork, work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
  try {
    return await uow.run(work);
  } catch (e) {
    if (e instanceof OptimisticLockError) {
      throw new ConflictError('concurrent-change', 'the record was changed by another request at the same time; reload it and try again');
    }
    if (e instanceof UniqueConstraintViolationException) {
      throw new ConflictError('duplicate', 'the same record was created by another request at the same time');
    }
    throw e;
  }
}
