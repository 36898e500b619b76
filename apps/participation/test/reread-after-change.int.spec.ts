import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptimisticLockError } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '@hub/nest-commons';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { Fee } from '../src/fees/domain/fee.aggregate.js';
import { tiyn } from '@hub/kernel';
import { MikroOrmFeeRepository } from '../src/fees/infrastructure/fee.mikro-orm.repositories.js';
import { participationOrmConfig } from '../src/mikro-orm.config.js';

/**
 * The lost update FEES found in declare-income, pinned down on the real database (MikroORM 7.2,
 * PostgreSQL read committed): request A loads a fee (version 1) and pays 100 tiyn; meanwhile
 * request B pays 7 tiyn and commits (version 2); then A queries the fee again in its own unit of
 * work and flushes. F-21: a payment may never vanish.
 */
const now = new Date('2026-04-10T06:00:00.000Z');
let seq = 0;
const anId = () => `01900000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;

describe('re-reading an aggregate after changing it in the same unit of work (ADR 0035 §6, F-21)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    const { clientUrl: _unused, ...orm } = participationOrmConfig('');
    db = await createTestDatabase('part_reread', { ...orm, migrate: async (o) => void (await o.migrator.up()) });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  const openFee = async (): Promise<Fee> => {
    const fee = Fee.open({ id: anId(), participationId: anId(), bin: '190540000011', year: 2026, quarter: 1, dueDate: '2026-04-27' }, now);
    fee.pullEvents();
    await db.orm.em.fork().persist(fee).flush();
    return fee;
  };
  const pay = (f: Fee, amount: number): void =>
    void f.pay(
      { id: anId(), amount: tiyn(amount), paidOn: '2026-04-01', reference: `R-${anId()}`, source: 'manual', importId: null, recordedBy: 't' },
      '2026-04-10',
      now,
    );
  /** Request B: its own EntityManager and transaction, committed. */
  const concurrentPayment = async (id: string, amount: number): Promise<void> => {
    const em = db.orm.em.fork();
    pay(await em.findOneOrFail(Fee, { id }), amount);
    await em.flush();
  };
  /** Request A: load, pay 100, let B commit, then `reread` in the same transaction, flush. */
  const requestA = async (
    id: string,
    reread: (em: SqlEntityManager, mine: Fee) => Promise<unknown>,
  ): Promise<{ outcome: string; versionAfterReread?: number }> => {
    let versionAfterReread: number | undefined;
    try {
      await db.orm.em.fork().transactional(async (tx) => {
        const em = tx as SqlEntityManager;
        const mine = await em.findOneOrFail(Fee, { id });
        pay(mine, 100);
        await concurrentPayment(id, 7);
        await reread(em, mine);
        versionAfterReread = mine.version;
        await em.flush();
      });
      return { outcome: 'committed', versionAfterReread };
    } catch (e) {
      return { outcome: e instanceof OptimisticLockError ? 'optimistic-lock' : String(e), versionAfterReread };
    }
  };
  const stored = (id: string) => db.orm.em.fork().findOneOrFail(Fee, { id });

  it('MikroORM (flushMode auto): a QUERY returning the changed fee merges the row into it — version refreshed to 2, the 100 kept — and the flush overwrites B: the 7 tiyn are lost', async () => {
    const fee = await openFee();
    const a = await requestA(fee.id, (em) => em.find(Fee, { participationId: fee.participationId }));
    expect(a).toEqual({ outcome: 'committed', versionAfterReread: 2 });
    expect(await stored(fee.id)).toMatchObject({ paidTiyn: 100, version: 3 }); // 100 + 7 were paid: B's payment is gone from the fee
  });

  it('a read BY ID is served from the identity map (no query, version stays 1): B is detected, A fails with an optimistic-lock error', async () => {
    const fee = await openFee();
    expect(await requestA(fee.id, (em) => em.findOne(Fee, { id: fee.id }))).toEqual({ outcome: 'optimistic-lock', versionAfterReread: 1 });
    expect(await stored(fee.id)).toMatchObject({ paidTiyn: 7, version: 2 });
  });

  it("participation's repositories flush before they query (FLUSH_FIRST): the same re-read through FeeRepository.ofYear is an optimistic-lock error (→ 409 concurrent-change), B's 7 tiyn stay", async () => {
    const fee = await openFee();
    const a = await requestA(fee.id, (em) => new MikroOrmFeeRepository({ em: () => em } as unknown as UnitOfWork).ofYear(fee.participationId, 2026));
    expect(a.outcome).toBe('optimistic-lock');
    expect(await stored(fee.id)).toMatchObject({ paidTiyn: 7, version: 2 });
  });
});
