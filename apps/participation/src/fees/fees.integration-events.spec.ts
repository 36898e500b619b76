import { describe, expect, it } from 'vitest';
import { FeeAssessedV1, FeeOverdueV1, FeePaidV1 } from '@hub/contracts';
import { Fee } from './domain/fee.aggregate.js';
import { mapFeeEvent } from './fees.integration-events.js';
import { parseKzt, tiyn } from '@hub/kernel';

const now = new Date('2026-04-05T04:00:00Z');
const fee = () =>
  Fee.open(
    {
      id: '01900000-0000-7000-8000-0000000000f1',
      participationId: '01900000-0000-7000-8000-0000000000a1',
      bin: '190540000011',
      year: 2026,
      quarter: 1,
      dueDate: '2026-04-27',
    },
    now,
  );

describe('fees → participation published language (ADR 0035 §3, ADR 0036)', () => {
  it('F-21 … F-23: FeeAssessed becomes fee-assessed v1 keyed by BIN, with the tiyn fields added and exact KZT twins', () => {
    const f = fee();
    f.declare(parseKzt('30.00')!, { tariffId: 't1', fee: parseKzt('0.30')! }, '2026-04-05', now);
    const messages = f.pullEvents().flatMap(mapFeeEvent);
    expect(messages).toHaveLength(1); // FeeOpened stays internal
    const [m] = messages;
    expect(m).toMatchObject({ definition: FeeAssessedV1, aggregateId: f.participationId, key: '190540000011' });
    expect(FeeAssessedV1.payload.parse(m!.payload)).toMatchObject({ feeTiyn: 30, feeKzt: 0.3, declaredIncomeTiyn: 3000, declaredIncomeKzt: 30 });
  });

  it('F-21, F-28(6): FeeBecameOverdue becomes fee-overdue v1; payments stay internal', () => {
    const f = fee();
    f.declare(tiyn(100_000), { tariffId: 't1', fee: tiyn(1_000) }, '2026-04-05', now);
    f.pay({ id: 'p1', amount: tiyn(250), paidOn: '2026-04-01', reference: 'R-1', source: 'manual', importId: null, recordedBy: 'test' }, '2026-04-05', now);
    f.markOverdue(now);
    const messages = f.pullEvents().flatMap(mapFeeEvent);
    expect(messages.map((m) => m.definition.type)).toEqual([FeeAssessedV1.type, FeeOverdueV1.type]);
    expect(FeeOverdueV1.payload.parse(messages[1]!.payload)).toMatchObject({
      reason: 'not-paid-in-full',
      feeTiyn: 1_000,
      paidTiyn: 250,
      outstandingTiyn: 750,
      feeKzt: 10,
      paidKzt: 2.5,
      outstandingKzt: 7.5,
    });
  });

  it('ADR 0036: the tiyn fields are additive — a v1 payload published before them still parses', () => {
    const old = {
      feeId: '01900000-0000-7000-8000-0000000000f1',
      participationId: '01900000-0000-7000-8000-0000000000a1',
      bin: '190540000011',
      year: 2026,
      quarter: 1,
      declaredIncomeKzt: 30,
      feeKzt: 0.3,
      tariffId: 't1',
      dueDate: '2026-04-27',
    };
    expect(FeeAssessedV1.payload.safeParse(old).success).toBe(true);
    expect(FeeAssessedV1.payload.safeParse({ ...old, feeTiyn: 30.5 }).success).toBe(false);
  });

  const payment = (id: string, amount: number) =>
    ({ id, amount: tiyn(amount), paidOn: '2026-04-01', reference: `R-${id}`, source: 'manual', importId: null, recordedBy: 'test' }) as const;

  it('F-21, ADR 0107: the payment that settles the fee publishes fee-paid v1 once — nothing of the amount or the payer', () => {
    const f = fee();
    f.declare(tiyn(100_000), { tariffId: 't1', fee: tiyn(1_000) }, '2026-04-05', now);
    f.pay(payment('p1', 400), '2026-04-05', now);
    f.pay(payment('p2', 600), '2026-04-05', now);
    const messages = f.pullEvents().flatMap(mapFeeEvent);
    expect(messages.map((m) => m.definition.type)).toEqual([FeeAssessedV1.type, FeePaidV1.type]);
    const paid = messages[1]!;
    expect(paid.key).toBe('190540000011');
    expect(FeePaidV1.payload.parse(paid.payload)).toEqual({
      feeId: f.id,
      participationId: f.participationId,
      bin: '190540000011',
      year: 2026,
      quarter: 1,
      dueDate: '2026-04-27',
      settledAt: now.toISOString(),
    });
    expect(JSON.stringify(paid.payload)).not.toMatch(/R-p|test|amount|Tiyn/);
  });

  it('F-21, ADR 0107: payments before the declaration that cover the fee make it paid at the declaration — fee-assessed, then fee-paid', () => {
    const f = fee();
    f.pay(payment('p1', 5_000), '2026-04-05', now);
    f.declare(tiyn(100_000), { tariffId: 't1', fee: tiyn(1_000) }, '2026-04-05', now);
    expect(f.status).toBe('paid');
    expect(
      f
        .pullEvents()
        .flatMap(mapFeeEvent)
        .map((m) => m.definition.type),
    ).toEqual([FeeAssessedV1.type, FeePaidV1.type]);
  });

  it('an event of another module maps to nothing here', () => {
    expect(mapFeeEvent({ name: 'ParticipationStarted', aggregateId: 'x', occurredAt: now })).toEqual([]);
  });
});
