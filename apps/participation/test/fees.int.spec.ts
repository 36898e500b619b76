import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/messaging';
import { createTestDatabase } from '@hub/testing';
import { participationOrmConfig } from '../src/mikro-orm.config.js';
import { Harness, body, list, type ApiObject } from './support/harness.js';

/** One page of the deadlines contract (ADR 0047). */
type Page = { items: (ApiObject & { dueDate: string; overdue: boolean; cursor: string })[]; nextCursor: string | null; total: number; overdueCount: number };
const page = (res: { body: unknown }): Page => res.body as Page;
const items = (res: { body: unknown }): ApiObject[] => page(res).items;

const QUARTER_CLOSED = '2026-03-31T19:00:01.000Z'; // 1 April 2026, 00:00:01 in Almaty: 2026-Q1 has closed
const csvHeader = 'paid_on,bin,amount_kzt,reference,period';

type Company = { id: string; bin: string };
type FeeFixture = Company & { feeId: string };

/* ---- fixtures: every test builds its own companies and fees, nothing is shared between tests ---- */

/** A fresh participant (term from 2 March 2026) whose 2026-Q1 fee is open: the quarter-closed timer has fired. */
async function openFee(h: Harness): Promise<FeeFixture> {
  const company = await h.register();
  await h.poller.runDue();
  const fees = list(await h.http().get(`/participations/${company.id}/fees`).set('authorization', `Bearer ${h.tokens.officer}`).expect(200));
  const q1 = fees.find((f) => f.year === 2026 && f.quarter === 1);
  if (!q1) throw new Error(`no 2026-Q1 fee was opened for ${company.bin}`);
  return { id: company.id, bin: company.bin, feeId: q1.id };
}

/** The same, with the 2026-Q1 income declared (by the finance officer) and the fee assessed. */
async function assessedFee(h: Harness, incomeTiyn: number): Promise<FeeFixture & { fee: ApiObject }> {
  const f = await openFee(h);
  const res = await declare(h, f, { year: 2026, quarter: 1, incomeTiyn }, h.tokens.finance);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...f, fee: body(res) };
}

const declare = (h: Harness, c: Company, input: Record<string, unknown>, token: string) =>
  h.http().post(`/participations/${c.id}/income-declarations`).set('authorization', `Bearer ${token}`).send(input);
const pay = (h: Harness, feeId: string, input: Record<string, unknown>, token = h.tokens.finance) =>
  h.http().post(`/fees/${feeId}/payments`).set('authorization', `Bearer ${token}`).send(input);
const importCsv = (h: Harness, csv: string) =>
  h.http().post('/fee-payments/imports').set('authorization', `Bearer ${h.tokens.finance}`).send({ fileName: 'statement.csv', csv });
const feeOf = async (h: Harness, c: Company): Promise<ApiObject> =>
  list(await h.http().get(`/participations/${c.id}/fees`).set('authorization', `Bearer ${h.tokens.officer}`).expect(200))[0]!;
const fieldsOf = (res: { body: unknown }): string[] => body(res).errors.map((e) => e.field);

describe('membership fees on the real database, 2026-Q1 closed (F-21 … F-23, F-33)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_fees' });
    await h.at(QUARTER_CLOSED);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F-21: when the quarter closes a fee is opened for it, due on the 25th of the next month (moved to Monday 27 April)', async () => {
    const a = await h.register();
    await h.poller.runDue();
    const res = await h
      .http()
      .get(`/participations/${a.id}/fees`)
      .set('authorization', `Bearer ${await h.applicant(a.bin)}`);
    expect(res.status).toBe(200);
    expect(list(res)).toHaveLength(1);
    expect(list(res)[0]).toMatchObject({
      year: 2026,
      quarter: 1,
      dueDate: '2026-04-27',
      status: 'awaiting-declaration',
      feeTiyn: null,
      paidTiyn: 0,
      outstandingTiyn: null,
    });
  });

  it('F-21: the income of a quarter that has not ended cannot be declared; bad input names the field', async () => {
    const a = await openFee(h);
    const token = await h.applicant(a.bin);
    const early = await declare(h, a, { year: 2026, quarter: 2, incomeTiyn: 500 }, token);
    expect(early.status).toBe(422);
    expect(body(early).ruleId).toBe('F-21');
    const fraction = await declare(h, a, { year: 2026, quarter: 1, incomeTiyn: 333.3 }, token);
    expect(fraction.status).toBe(400);
    expect([...new Set(fieldsOf(fraction))]).toEqual(['body.incomeTiyn']);
    const negative = await declare(h, a, { year: 2026, quarter: 1, incomeTiyn: -1 }, token);
    expect(negative.status).toBe(400);
    expect([...new Set(fieldsOf(negative))]).toEqual(['body.incomeTiyn']);
    // ADR 0036: the KZT twin is gone from the contract — a KZT number alone is a missing incomeTiyn, never read as an amount.
    const kzt = await declare(h, a, { year: 2026, quarter: 1, incomeKzt: 1 }, token);
    expect(kzt.status).toBe(400);
    expect(fieldsOf(kzt)).toContain('body.incomeTiyn');
  });

  it('F-21 … F-23: declaring the previous quarter prices the fee from the tariff (integer tiyn) and publishes fee-assessed keyed by BIN', async () => {
    const a = await openFee(h);
    const res = await declare(h, a, { year: 2026, quarter: 1, incomeTiyn: 1_000_000_000 }, await h.applicant(a.bin));
    expect(res.status).toBe(201);
    expect(body(res)).toMatchObject({
      status: 'assessed',
      declaredIncomeTiyn: 1_000_000_000,
      feeTiyn: 10_000_000,
      tariffId: 'tariff-2026-01',
      outstandingTiyn: 10_000_000,
    });
    expect(Object.keys(body(res)).filter((k) => k.endsWith('Kzt'))).toEqual([]); // ADR 0036: responses carry tiyn only
    const events = (await h.outbox('participation.fee-assessed')).filter((e) => e.payload.bin === a.bin);
    expect(events).toHaveLength(1);
    expect(events[0]!.key).toBe(a.bin);
    expect(events[0]!.payload).toMatchObject({ feeTiyn: 10_000_000, declaredIncomeTiyn: 1_000_000_000, feeKzt: 100_000, dueDate: '2026-04-27' });
    const again = await declare(h, a, { year: 2026, quarter: 1, incomeTiyn: 100 }, await h.applicant(a.bin));
    expect(again.status).toBe(409);
  });

  it('F-22, F-23: the fee is income × rate rounded once to the nearest tiyn, halves up (ADR 0036)', async () => {
    const half = await assessedFee(h, 50); // 1 % of 0.50 KZT = 0.005 KZT → 0.01 KZT
    expect(half.fee).toMatchObject({ feeTiyn: 1 });
    const other = await openFee(h);
    const res = await declare(h, other, { year: 2026, quarter: 1, incomeTiyn: 123_456_789 }, h.tokens.finance);
    expect(body(res)).toMatchObject({ declaredIncomeTiyn: 123_456_789, feeTiyn: 1_234_568 }); // 12 345.6789 → 12 345.68
  });

  it('F-21: another company cannot declare for this one; an applicant cannot record payments', async () => {
    const a = await openFee(h);
    const b = await h.register();
    const other = await h.applicant(b.bin);
    expect((await declare(h, a, { year: 2026, quarter: 1, incomeTiyn: 100 }, other)).status).toBe(404); // F-35, ADR 0141: not disclosed
    expect((await pay(h, a.feeId, { amountTiyn: 100, paidOn: '2026-04-01', reference: `X-${a.bin}` }, other)).status).toBe(403);
  });

  it('F-21: a manual payment reduces the outstanding amount; the same bank reference cannot be recorded twice', async () => {
    const a = await assessedFee(h, 1_000_000_000);
    const res = await pay(h, a.feeId, { amountTiyn: 4_000_000, paidOn: '2026-04-01', reference: `MAN-${a.bin}` });
    expect(res.status).toBe(201);
    expect(body(res)).toMatchObject({ paidTiyn: 4_000_000, outstandingTiyn: 6_000_000, status: 'assessed' });
    const dup = await pay(h, a.feeId, { amountTiyn: 100, paidOn: '2026-04-01', reference: `MAN-${a.bin}` });
    expect(dup.status).toBe(409);
    const future = await pay(h, a.feeId, { amountTiyn: 100, paidOn: '2026-04-02', reference: `MAN-${a.bin}-2` });
    expect(future.status).toBe(422);
  });

  it('F-21, ADR 0036: 0.1 + 0.2 KZT pays a 0.30 KZT fee exactly — by hand and by bank statement — and the database holds integer tiyn', async () => {
    const a = await assessedFee(h, 3_000); // income 30.00 KZT → fee 0.30 KZT
    expect(a.fee).toMatchObject({ feeTiyn: 30, outstandingTiyn: 30 });
    const byHand = await pay(h, a.feeId, { amountTiyn: 10, paidOn: '2026-04-01', reference: `EXACT-${a.bin}-1` }); // 0.10 KZT
    expect(body(byHand)).toMatchObject({ paidTiyn: 10, outstandingTiyn: 20, status: 'assessed' });
    const imported = await importCsv(h, [csvHeader, `2026-04-01,${a.bin},0.20,EXACT-${a.bin}-2,2026-Q1`].join('\n'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(body(imported)).toMatchObject({ rows: 1, totalTiyn: 20 });
    expect(await feeOf(h, a)).toMatchObject({ status: 'paid', paidTiyn: 30, outstandingTiyn: 0 });
    const [stored] = await sql<{ fee_tiyn: string; paid_tiyn: string; fee_type: string }>(
      h.orm.em.fork(),
      `select fee_tiyn::text as fee_tiyn, paid_tiyn::text as paid_tiyn, pg_typeof(paid_tiyn)::text as fee_type from membership_fee where id = ?`,
      [a.feeId],
    );
    expect(stored).toEqual({ fee_tiyn: '30', paid_tiyn: '30', fee_type: 'bigint' });
    const payments = await sql<{ amount_tiyn: string }>(
      h.orm.em.fork(),
      `select amount_tiyn::text as amount_tiyn from membership_fee_payment where fee_id = ? order by reference`,
      [a.feeId],
    );
    expect(payments.map((p) => p.amount_tiyn)).toEqual(['10', '20']);
  });

  it('F-21: a bank statement with bad rows is refused with 422 naming row and column, and nothing is imported', async () => {
    const a = await assessedFee(h, 1_000_000_000);
    const b = await openFee(h);
    const csv = [
      csvHeader,
      `2026-04-01,${a.bin},30000,BANK-${a.bin}-1,2026-Q1`,
      `2026-04-01,${a.bin},abc,BANK-${a.bin}-2,2026-Q1`,
      `2026-04-01,${b.bin},10,BANK-${a.bin}-3,2026-Q3`,
    ].join('\n');
    const res = await importCsv(h, csv);
    expect(res.status).toBe(422);
    expect(fieldsOf(res)).toEqual(['csv.row[3].amount_kzt']);
    const unknownQuarter = await importCsv(
      h,
      [csvHeader, `2026-04-01,${a.bin},30000,BANK-${a.bin}-1,2026-Q1`, `2026-04-01,${b.bin},10,BANK-${a.bin}-3,2026-Q3`].join('\n'),
    );
    expect(unknownQuarter.status).toBe(422);
    expect(body(unknownQuarter).errors).toEqual([expect.objectContaining({ field: 'csv.row[3].period' })]);
    expect(await feeOf(h, a)).toMatchObject({ paidTiyn: 0 });
    const rows = await sql(h.orm.em.fork(), `select 1 from membership_fee_payment where reference like ?`, [`BANK-${a.bin}-%`]);
    expect(rows).toHaveLength(0);
  });

  it('F-21: a quoted field holding a comma and a line break stays in its row and column (csv-parse); the import stays all or nothing', async () => {
    const a = await assessedFee(h, 1_000_000_000);
    // Row 3's reference is quoted and holds ",\n": one field, refused by the reference rule — not a broken row 3 plus a row 4.
    const csv = [
      csvHeader,
      `2026-04-01,${a.bin},"1,000.00",Q-${a.bin}-1,2026-Q1`,
      `2026-04-01,${a.bin},10,"Q-${a.bin},\n2",2026-Q1`,
      `2026-04-01,${a.bin},10,Q-${a.bin}-3,2026-Q1`,
    ].join('\r\n');
    const res = await importCsv(h, csv);
    expect(res.status).toBe(422);
    expect(fieldsOf(res)).toEqual(['csv.row[2].amount_kzt', 'csv.row[3].reference']);
    expect(await feeOf(h, a)).toMatchObject({ paidTiyn: 0 });
  });

  it('F-21: a good bank statement pays the fees it names, all in one transaction; the same statement twice is refused', async () => {
    const a = await assessedFee(h, 1_000_000_000);
    const c = await assessedFee(h, 12_000_000_000);
    const csv = [csvHeader, `2026-04-01,${a.bin},100000.00,BANK-${a.bin}-1,2026-Q1`, `"2026-04-01","${c.bin}","1500",BANK-${a.bin}-2,2026-Q1`].join('\r\n');
    const res = await importCsv(h, csv);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(body(res)).toMatchObject({ rows: 2, totalTiyn: 10_150_000 });
    // issue #11: the summary names each row's fee and what it still owes once the statement is recorded
    expect(body(res).payments).toEqual([
      {
        row: 2,
        bin: a.bin,
        year: 2026,
        quarter: 1,
        amountTiyn: 10_000_000,
        reference: `BANK-${a.bin}-1`,
        feeId: a.feeId,
        feeStatus: 'paid',
        outstandingTiyn: 0,
      },
      {
        row: 3,
        bin: c.bin,
        year: 2026,
        quarter: 1,
        amountTiyn: 150_000,
        reference: `BANK-${a.bin}-2`,
        feeId: c.feeId,
        feeStatus: 'assessed',
        outstandingTiyn: 119_850_000,
      },
    ]);
    expect(await feeOf(h, a)).toMatchObject({ status: 'paid', paidTiyn: 10_000_000, outstandingTiyn: 0 });
    expect(await feeOf(h, c)).toMatchObject({ status: 'assessed', paidTiyn: 150_000, outstandingTiyn: 119_850_000 });
    // ADR 0107: the settled fee is published as fee-paid (notifications stops its F-21 reminder); the partly paid one is not.
    const paid = (await h.outbox('participation.fee-paid')).filter((e) => [a.feeId, c.feeId].includes(e.payload.feeId as string));
    expect(paid.map((e) => [e.key, e.payload.feeId, e.payload.year, e.payload.quarter])).toEqual([[a.bin, a.feeId, 2026, 1]]);
    expect(Object.keys(paid[0]!.payload).sort()).toEqual(['bin', 'dueDate', 'feeId', 'participationId', 'quarter', 'settledAt', 'year']);
    const again = await importCsv(h, csv);
    expect(again.status).toBe(422);
    expect(body(again).errors[0]!.field).toBe('csv.row[2].reference');
  });

  it('F-33: declared income above 100 000 000 KZT derives an audit opinion owed before 1 July of the next year (ADR 0052)', async () => {
    const c = await assessedFee(h, 12_000_000_000); // 120 000 000 KZT
    const small = await assessedFee(h, 1_000_000_000);
    const audits = list(await h.http().get('/audit-obligations?year=2026').set('authorization', `Bearer ${h.tokens.officer}`));
    const mine = audits.filter((x) => x.bin === c.bin);
    expect(mine).toEqual([
      expect.objectContaining({
        financialYear: 2026,
        declaredIncomeTiyn: 12_000_000_000,
        thresholdTiyn: 10_000_000_000,
        dueDate: '2027-06-30',
        status: 'owed',
      }),
    ]);
    expect(audits.some((x) => x.bin === small.bin)).toBe(false);
    const submitted = await h
      .http()
      .post(`/audit-obligations/${mine[0]!.id}/opinion`)
      .set('authorization', `Bearer ${await h.applicant(c.bin)}`)
      .send({ fileName: 'audit-2026.pdf', mediaType: 'application/pdf', sizeBytes: 1234, sha256: 'b'.repeat(64) });
    expect(submitted.status).toBe(200);
    expect(body(submitted).status).toBe('submitted');
  });

  it('concurrency: two simultaneous declarations of one quarter — one wins, the other gets 409, one fee-assessed event', async () => {
    const d = await openFee(h);
    const token = await h.applicant(d.bin);
    const send = (incomeTiyn: number) => declare(h, d, { year: 2026, quarter: 1, incomeTiyn }, token);
    const results = await Promise.all([send(100_000_000), send(200_000_000), send(300_000_000)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const events = (await h.outbox('participation.fee-assessed')).filter((e) => e.payload.bin === d.bin);
    expect(events).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)!;
    expect(events[0]!.payload.declaredIncomeTiyn).toBe(body(winner).declaredIncomeTiyn);
  });
});

/* Each test below moves the clock past a due date, so each runs on a harness (database, clock) of its own. */
describe('membership fees at the due date (F-21, F-28(6), ADR 0033)', () => {
  let h: Harness | undefined;

  const start = async (): Promise<Harness> => {
    await h?.close(); // a previous test that failed before closing its own
    h = await Harness.start({ prefix: 'part_fees_due' });
    await h.at(QUARTER_CLOSED);
    return h;
  };
  afterAll(async () => {
    await h?.close();
  });

  it('F-21, F-28(6): at the due date an undeclared or partly paid fee becomes overdue, is listed in arrears and raises fee-overdue; a paid one does not', async () => {
    const hh = await start();
    const undeclared = await openFee(hh);
    const paid = await assessedFee(hh, 1_000_000_000);
    expect((await pay(hh, paid.feeId, { amountTiyn: 10_000_000, paidOn: '2026-04-01', reference: `P-${paid.bin}` })).status).toBe(201);
    const partly = await assessedFee(hh, 12_000_000_000);
    expect((await pay(hh, partly.feeId, { amountTiyn: 150_000, paidOn: '2026-04-01', reference: `P-${partly.bin}` })).status).toBe(201);

    await hh.at('2026-04-27T18:59:00.000Z');
    expect(await hh.outbox('participation.fee-overdue')).toHaveLength(0);
    await hh.at('2026-04-27T19:00:01.000Z');
    const overdue = await hh.outbox('participation.fee-overdue');
    expect(overdue.find((e) => e.payload.bin === undeclared.bin)?.payload).toMatchObject({
      reason: 'income-not-declared',
      ground: 'membership-fees-not-paid',
      feeKzt: null,
      feeTiyn: null,
      paidTiyn: 0,
      dueDate: '2026-04-27',
    });
    expect(overdue.find((e) => e.payload.bin === partly.bin)?.payload).toMatchObject({
      reason: 'not-paid-in-full',
      feeTiyn: 120_000_000,
      paidTiyn: 150_000,
      outstandingTiyn: 119_850_000,
      feeKzt: 1_200_000,
      paidKzt: 1_500,
      outstandingKzt: 1_198_500,
    });
    expect(overdue.some((e) => e.payload.bin === paid.bin)).toBe(false);
    const arrears = list(await hh.http().get('/fees/arrears').set('authorization', `Bearer ${hh.tokens.finance}`)).map((f) => f.bin);
    expect(arrears).toEqual(expect.arrayContaining([undeclared.bin, partly.bin]));
    expect(arrears).not.toContain(paid.bin);
    await hh.close();
    h = undefined;
  });

  it('ADR 0033: GET /deadlines lists open deadlines with overdue flags; an applicant sees only its own', async () => {
    const hh = await start();
    const late = await openFee(hh);
    const paid = await assessedFee(hh, 1_000_000_000);
    expect((await pay(hh, paid.feeId, { amountTiyn: 10_000_000, paidOn: '2026-04-01', reference: `P-${paid.bin}` })).status).toBe(201);
    await hh.at('2026-04-27T19:00:01.000Z');
    const all = items(await hh.http().get('/deadlines?overdue=true').set('authorization', `Bearer ${hh.tokens.officer}`).expect(200));
    const ofLate = all.filter((d) => d.bin === late.bin);
    expect(ofLate.map((d) => d.kind).sort()).toEqual(['membership-fee', 'quarterly-report']);
    expect(ofLate.find((d) => d.kind === 'membership-fee')).toMatchObject({ ruleId: 'F-21', dueDate: '2026-04-27', status: 'overdue', overdue: true });
    expect(all.some((d) => d.bin === paid.bin && d.kind === 'membership-fee')).toBe(false);
    const own = items(
      await hh
        .http()
        .get('/deadlines')
        .set('authorization', `Bearer ${await hh.applicant(paid.bin)}`),
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((d) => d.bin === paid.bin)).toBe(true);
    expect(own.find((d) => d.kind === 'term-end')).toMatchObject({ ruleId: 'F-27', dueDate: '2027-03-01', overdue: false });
    // ADR 0047: one keyset page at a time — walking by one reaches the same deadlines, in the same order, once each.
    const officer = { authorization: `Bearer ${hh.tokens.officer}` };
    const whole = page(await hh.http().get('/deadlines?limit=1000').set(officer).expect(200));
    expect(whole.nextCursor).toBeNull();
    expect(whole.total).toBe(whole.items.length);
    expect(whole.overdueCount).toBe(whole.items.filter((d) => d.overdue).length);
    expect(whole.items.map((d) => d.dueDate)).toEqual(whole.items.map((d) => d.dueDate).sort());
    const walked: Page['items'] = [];
    for (let after: string | null = '', n = 0; after !== null && n < 100; n += 1) {
      const p: Page = page(
        await hh
          .http()
          .get(`/deadlines?limit=1${after ? `&after=${after}` : ''}`)
          .set(officer)
          .expect(200),
      );
      walked.push(...p.items);
      after = p.nextCursor;
    }
    expect(walked.length).toBeGreaterThan(3);
    expect(walked).toEqual(whole.items);
    const due = page(await hh.http().get(`/deadlines?limit=1000&bin=${late.bin}&dueBefore=2026-04-27&overdue=true`).set(officer).expect(200));
    expect(due.items.map((d) => d.kind).sort()).toEqual(['membership-fee', 'quarterly-report']);
    expect(due.total).toBe(2);
    const bad = await hh.http().get('/deadlines?overdue=yes').set('authorization', `Bearer ${hh.tokens.officer}`);
    expect(bad.status).toBe(400);
    expect(body(bad).errors[0]!.field).toBe('query.overdue');
    const openapi = (await hh.http().get('/openapi.json')).body as { paths: Record<string, { get?: unknown }> };
    expect(openapi.paths['/deadlines']?.get).toBeDefined();
    await hh.close();
    h = undefined;
  });
});

describe('ADR 0036: the money migration converts the existing KZT amounts exactly', () => {
  it('F-21: numeric(18,2) KZT becomes bigint tiyn digit for digit, and the conversion reverts', async () => {
    const { clientUrl: _unused, ...orm } = participationOrmConfig('');
    const db = await createTestDatabase('part_fees_money', {
      ...orm,
      migrate: async (o) => void (await o.migrator.up({ to: 'Migration20261122022306_optimistic_locks' })),
    });
    try {
      const em = db.orm.em.fork();
      const fee = (id: string, income: string | null, amount: string | null, paid: string) =>
        sql(
          em,
          `insert into membership_fee (id, participation_id, bin, year, quarter, due_date, status, declared_income_kzt, fee_kzt, tariff_id, paid_kzt, created_at, updated_at) values (?, ?, '190540000011', 2026, 1, '2026-04-27', 'assessed', ?, ?, 't', ?, now(), now())`,
          [id, id, income, amount, paid],
        );
      await fee('01900000-0000-7000-8000-000000000001', '30.00', '0.30', '0.30');
      await fee('01900000-0000-7000-8000-000000000002', '1234567.89', '12345.68', '0.10');
      await fee('01900000-0000-7000-8000-000000000003', null, null, '0');
      await sql(
        em,
        `insert into membership_fee_payment (id, fee_id, bin, amount_kzt, paid_on, reference, source, import_id, recorded_by, recorded_at) values ('01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-000000000002', '190540000011', 0.10, '2026-04-01', 'R-1', 'manual', null, 'test', now())`,
      );

      await db.orm.migrator.up();
      const fees = await sql<Record<string, string | null>>(
        em,
        `select declared_income_tiyn::text as income, fee_tiyn::text as fee, paid_tiyn::text as paid from membership_fee order by id`,
      );
      expect(fees).toEqual([
        { income: '3000', fee: '30', paid: '30' },
        { income: '123456789', fee: '1234568', paid: '10' },
        { income: null, fee: null, paid: '0' },
      ]);
      expect(await sql(em, `select amount_tiyn::text as amount from membership_fee_payment`)).toEqual([{ amount: '10' }]);

      await db.orm.migrator.down({ to: 'Migration20261122022306_optimistic_locks' });
      const back = await sql<Record<string, string | null>>(
        em,
        `select declared_income_kzt::text as income, fee_kzt::text as fee, paid_kzt::text as paid from membership_fee order by id`,
      );
      expect(back[1]).toEqual({ income: '1234567.89', fee: '12345.68', paid: '0.10' });
    } finally {
      await db.drop();
    }
  });
});
