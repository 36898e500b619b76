import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';

/** Raw SQL on the caller's EntityManager: inside `em.transactional` it joins that transaction. */
export type Em = SqlEntityManager | EntityManager;

export async function sql<T = Record<string, unknown>>(em: Em, query: string, params: unknown[] = []): Promise<T[]> {
  return (em as SqlEntityManager).execute<T[] & object>(query, params, 'all');
}

export async function sqlRun(em: Em, query: string, params: unknown[] = []): Promise<number> {
  const res = await (em as SqlEntityManager).execute<{ affectedRows?: number }>(query, params, 'run');
  return res.affectedRows ?? 0;
}

export function requireTransaction(em: Em, what: string): void {
  if (!em.isInTransaction()) {
    throw new Error(`${what} must run inside the transaction that changes the aggregate (em.transactional(...)): otherwise it could be lost or written alone`);
  }
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}
