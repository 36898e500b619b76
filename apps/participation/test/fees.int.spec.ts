import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/messaging';
import { Harness } from './support/harness.js';

const QUARTER_CLOSED = '2026-03-31T19:00:01.000Z'; // 1 April 2026, 00:00:01 in Almaty
const csvHeader = 'paid_on,bin,amount_kzt,reference,period';

describe('membership fees on the real database (F-21 … F-23, F-33)', () => {
  let h: Harness;
  let a: { id: string; bin: string };
  let b: { id: string; bin: string };
  let c: { id: string; bin: string };
  let feeA: string;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_fees' });
    a = await h.register();
    b = await h.register();
    c = await h.register();
    await h.at(QUARTER_CLOSED);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F-21: when the quarter closes a fee is opened for it, due on the 25th of the next month (moved to Monday 27 April)', async () => {
    const res = await h.http().get(`/participations/${a.id}/fees`).set('authorization', `Bearer ${await h.applicant(a.bin)}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ year: 2026, quarter: 1, dueDate: '2026-04-27', status: 'awaiting-declaration', feeKzt: null, paidKzt: 0 });
    feeA = res.body[0].id;
  });

  it('F-21: the income of a quarter that has not ended cannot be declared; bad input names the field', async () => {
    const token = await h.applicant(a.bin);
    const early = await h.http().post(`/participations/${a.id}/income-declarations`).set('authorization', `Bearer ${token}`).send({ year: 2026, quarter: 2, incomeKzt: 5 });
    expect(early.status).toBe(422);
    expect(early.body.ruleId).toBe('F-21');
    const bad = await h.http().post(`/participations/${a.id}/income-declarations`).set('authorization', `Bearer ${token}`).send({ year: 2026, quarter: 1, incomeKzt: -3.333 });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))]).toEqual(['body.incomeKzt']);
  });

  it('F-21 … F-23: declaring the previous quarter prices the fee from the tariff and publishes fee-assessed keyed by BIN', async () => {
    const res = await h.http().post(`/participations/${a.id}/income-declarations`).set('authorization', `Bearer ${await h.applicant(a.bin)}`).send({ year: 2026, quarter: 1, incomeKzt: 10_000_000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'assessed', declaredIncomeKzt: 10_000_000, feeKzt: 100_000, tariffId: 'tariff-2026-01', outstandingKzt: 100_000 });
    const events = (await h.outbox('participation.fee-assessed')).filter((e) => e.payload.bin === a.bin);
    expect(events).toHaveLength(1);
    expect(events[0]!.key).toBe(a.bin);
    expect(events[0]!.payload).toMatchObject({ feeKzt: 100_000, dueDate: '2026-04-27' });
    const again = await h.http().post(`/participations/${a.id}/income-declarations`).set('authorization', `Bearer ${await h.applicant(a.bin)}`).send({ year: 2026, quarter: 1, incomeKzt: 1 });
    expect(again.status).toBe(409);
  });

  it('F-21: another company cannot declare for this one; an applicant cannot record payments', async () => {
    const other = await h.applicant(b.bin);
    expect((await h.http().post(`/participations/${a.id}/income-declarations`).set('authorization', `Bearer ${other}`).send({ year: 2026, quarter: 1, incomeKzt: 1 })).status).toBe(403);
    expect((await h.http().post(`/fees/${feeA}/payments`).set('authorization', `Bearer ${other}`).send({ amountKzt: 1, paidOn: '2026-04-01', reference: 'X' })).status).toBe(403);
  });

  it('F-21: a manual payment reduces the outstanding amount; the same bank reference cannot be recorded twice', async () => {
    const res = await h.http().post(`/fees/${feeA}/payments`).set('authorization', `Bearer ${h.tokens.finance}`).send({ amountKzt: 40_000, paidOn: '2026-04-01', reference: `MAN-${a.bin}` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ paidKzt: 40_000, outstandingKzt: 60_000, status: 'assessed' });
    const dup = await h.http().post(`/fees/${feeA}/payments`).set('authorization', `Bearer ${h.tokens.finance}`).send({ amountKzt: 1, paidOn: '2026-04-01', reference: `MAN-${a.bin}` });
    expect(dup.status).toBe(409);
  });

  it('F-21: a bank statement with bad rows is refused with 422 naming row and column, and nothing is imported', async () => {
    const csv = [csvHeader, `2026-04-01,${a.bin},30000,BANK-${a.bin}-1,2026-Q1`, `2026-04-01,${a.bin},abc,BANK-${a.bin}-2,2026-Q1`, `2026-04-01,${b.bin},10,BANK-${a.bin}-3,2026-Q3`].join('\n');
    const res = await h.http().post('/fee-payments/imports').set('authorization', `Bearer ${h.tokens.finance}`).send({ fileName: 'statement.csv', csv });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['csv.row[3].amount_kzt']);
    const unknownQuarter = await h.http().post('/fee-payments/imports').set('authorization', `Bearer ${h.tokens.finance}`).send({ fileName: 'statement.csv', csv: [csvHeader, `2026-04-01,${a.bin},30000,BANK-${a.bin}-1,2026-Q1`, `2026-04-01,${b.bin},10,BANK-${a.bin}-3,2026-Q3`].join('\n') });
    expect(unknownQuarter.status).toBe(422);
    expect(unknownQuarter.body.errors).toEqual([expect.objectContaining({ field: 'csv.row[3].period' })]);
    const fees = await h.http().get(`/participations/${a.id}/fees`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(fees.body[0].paidKzt).toBe(40_000);
    const rows = await sql(h.orm.em.fork(), `select 1 from membership_fee_payment where reference like ?`, [`BANK-${a.bin}-%`]);
    expect(rows).toHaveLength(0);
  });

  it('F-21: a good bank statement pays the fees it names, all in one transaction', async () => {
    const csv = [csvHeader, `2026-04-01,${a.bin},60000.00,BANK-${a.bin}-1,2026-Q1`, `2026-04-01,${c.bin},"1500",BANK-${a.bin}-2,2026-Q1`].join('\r\n');
    const res = await h.http().post('/fee-payments/imports').set('authorization', `Bearer ${h.tokens.finance}`).send({ fileName: 'statement.csv', csv });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ rows: 2, totalKzt: 61_500 });
    const fees = await h.http().get(`/participations/${a.id}/fees`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(fees.body[0]).toMatchObject({ status: 'paid', paidKzt: 100_000, outstandingKzt: 0 });
    const again = await h.http().post('/fee-payments/imports').set('authorization', `Bearer ${h.tokens.finance}`).send({ fileName: 'statement.csv', csv });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].field).toBe('csv.row[2].reference');
  });

  it('F-33: declared annual income above 100 000 000 KZT derives an audit opinion owed by 1 July of the next year', async () => {
    const res = await h.http().post(`/participations/${c.id}/income-declarations`).set('authorization', `Bearer ${h.tokens.finance}`).send({ year: 2026, quarter: 1, incomeKzt: 120_000_000 });
    expect(res.status).toBe(201);
    const audits = await h.http().get('/audit-obligations?year=2026').set('authorization', `Bearer ${h.tokens.officer}`);
    const mine = audits.body.filter((x: { bin: string }) => x.bin === c.bin);
    expect(mine).toEqual([expect.objectContaining({ financialYear: 2026, declaredIncomeKzt: 120_000_000, thresholdKzt: 100_000_000, dueDate: '2027-07-01', status: 'owed' })]);
    expect(audits.body.some((x: { bin: string }) => x.bin === a.bin)).toBe(false);
    const submitted = await h.http().post(`/audit-obligations/${mine[0].id}/opinion`).set('authorization', `Bearer ${await h.applicant(c.bin)}`).send({ fileName: 'audit-2026.pdf', mediaType: 'application/pdf', sizeBytes: 1234, sha256: 'b'.repeat(64) });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
  });

  it('F-21, F-28(6): at the due date an undeclared fee becomes overdue, is listed in arrears and raises fee-overdue', async () => {
    await h.at('2026-04-27T18:59:00.000Z');
    expect((await h.outbox('participation.fee-overdue')).filter((e) => e.payload.bin === b.bin)).toHaveLength(0);
    await h.at('2026-04-27T19:00:01.000Z');
    const overdue = (await h.outbox('participation.fee-overdue')).filter((e) => e.payload.bin === b.bin);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.payload).toMatchObject({ reason: 'income-not-declared', ground: 'membership-fees-not-paid', feeKzt: null, dueDate: '2026-04-27' });
    expect((await h.outbox('participation.fee-overdue')).filter((e) => e.payload.bin === a.bin)).toHaveLength(0); // paid in full
    const arrears = await h.http().get('/fees/arrears').set('authorization', `Bearer ${h.tokens.finance}`);
    expect(arrears.body.map((f: { bin: string }) => f.bin)).toContain(b.bin);
    expect(arrears.body.map((f: { bin: string }) => f.bin)).not.toContain(a.bin);
    // c declared 120 M (fee 1.2 M) but paid 1 500: overdue, not paid in full
    const cOverdue = (await h.outbox('participation.fee-overdue')).find((e) => e.payload.bin === c.bin);
    expect(cOverdue?.payload).toMatchObject({ reason: 'not-paid-in-full', feeKzt: 1_200_000, paidKzt: 1_500, outstandingKzt: 1_198_500 });
  });

  it('ADR 0033: GET /deadlines lists open deadlines with overdue flags; an applicant sees only its own', async () => {
    const all = await h.http().get('/deadlines?overdue=true').set('authorization', `Bearer ${h.tokens.officer}`);
    expect(all.status).toBe(200);
    const ofB = all.body.filter((d: { bin: string }) => d.bin === b.bin);
    expect(ofB.map((d: { kind: string }) => d.kind).sort()).toEqual(['membership-fee', 'quarterly-report']);
    expect(ofB.find((d: { kind: string }) => d.kind === 'membership-fee')).toMatchObject({ ruleId: 'F-21', dueDate: '2026-04-27', status: 'overdue', overdue: true });
    expect(all.body.some((d: { bin: string; kind: string }) => d.bin === a.bin && d.kind === 'membership-fee')).toBe(false); // paid
    const own = await h.http().get('/deadlines').set('authorization', `Bearer ${await h.applicant(a.bin)}`);
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((d: { bin: string }) => d.bin === a.bin)).toBe(true);
    expect(own.body.find((d: { kind: string }) => d.kind === 'term-end')).toMatchObject({ ruleId: 'F-27', dueDate: '2027-03-01', overdue: false });
    const bad = await h.http().get('/deadlines?overdue=yes').set('authorization', `Bearer ${h.tokens.officer}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.overdue');
    expect((await h.http().get('/openapi.json')).body.paths['/deadlines'].get).toBeDefined();
  });

  it('concurrency: two simultaneous declarations of one quarter — one wins, the other gets 409, one fee-assessed event', async () => {
    const d = await h.register();
    await h.at('2026-06-30T19:00:01.000Z'); // Q2 closes for everyone; d's Q1 (2 March start) and Q2 are open
    const token = await h.applicant(d.bin);
    const send = (income: number) => h.http().post(`/participations/${d.id}/income-declarations`).set('authorization', `Bearer ${token}`).send({ year: 2026, quarter: 2, incomeKzt: income });
    const results = await Promise.all([send(1_000_000), send(2_000_000), send(3_000_000)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const events = (await h.outbox('participation.fee-assessed')).filter((e) => e.payload.bin === d.bin);
    expect(events).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)!;
    expect(events[0]!.payload.declaredIncomeKzt).toBe(winner.body.declaredIncomeKzt);
  });
});

