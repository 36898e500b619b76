import { describe, expect, it } from 'vitest';
import { ConflictError, IllegalStateError, RuleViolationError, ValidationError, parseKzt, tiyn, type Tiyn } from '@hub/kernel';
import { makeBin } from '@hub/identifiers';
import { Fee, type PaymentInput } from './fee.aggregate.js';
import { parseBankStatement } from './rules/bank-statement-csv.rule.js';
import { Tariff } from './tariff.js';

const now = new Date('2026-04-05T04:00:00Z');
const today = '2026-04-05';
const kzt = (text: string): Tiyn => parseKzt(text)!;
const tariff = new Tariff([
  { id: 't1', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', rateOfIncome: '0.01', minimumKzt: '0', source: 'test' },
  { id: 't2', effectiveFrom: '2026-07-01', rateOfIncome: '0.005', minimumKzt: '50000', source: 'test' },
]);
const fee = () => Fee.open({ id: 'f1', participationId: 'p1', bin: '190540000011', year: 2026, quarter: 1, dueDate: '2026-04-27' }, now);
let seq = 0;
const payment = (amount: Tiyn, over: Partial<PaymentInput> = {}): PaymentInput => ({
  id: `pay-${++seq}`,
  amount,
  paidOn: '2026-04-01',
  reference: `R-${seq}`,
  source: 'manual',
  importId: null,
  recordedBy: 'test',
  ...over,
});

describe('tariff (F-22, F-23)', () => {
  it('F-23: the version in force on the quarter end prices the quarter', () => {
    expect(tariff.feeFor(kzt('10000000'), '2026-03-31')).toEqual({ tariffId: 't1', fee: kzt('100000') });
    expect(tariff.feeFor(kzt('2000000'), '2026-09-30')).toEqual({ tariffId: 't2', fee: kzt('50000') }); // minimum applies
    expect(tariff.feeFor(tiyn(0), '2026-09-30')).toEqual({ tariffId: 't2', fee: 0 });
  });

  it('F-22, F-23: the fee is income × rate rounded once to the nearest tiyn, halves up (ADR 0036)', () => {
    expect(tariff.feeFor(kzt('0.50'), '2026-03-31').fee).toBe(1); // 0.005 KZT → 0.01
    expect(tariff.feeFor(kzt('0.49'), '2026-03-31').fee).toBe(0); // 0.0049 KZT → 0.00
    expect(tariff.feeFor(kzt('1234567.89'), '2026-03-31').fee).toBe(kzt('12345.68')); // 12345.6789 → 12345.68
    expect(tariff.feeFor(kzt('0.30'), '2026-03-31').fee).toBe(0); // 0.003 → 0.00
    expect(tariff.feeFor(kzt('1.50'), '2026-03-31').fee).toBe(2); // 0.015 → 0.02, half up
  });

  it('F-22: a date without a tariff, overlapping versions and float rates in the data are errors', () => {
    expect(() => tariff.feeFor(tiyn(100), '2025-12-31')).toThrow(ValidationError);
    expect(
      () =>
        new Tariff([
          { id: 'a', effectiveFrom: '2026-01-01', rateOfIncome: '0.01', minimumKzt: '0', source: 's' },
          { id: 'b', effectiveFrom: '2026-06-01', rateOfIncome: '0.01', minimumKzt: '0', source: 's' },
        ]),
    ).toThrow(/overlaps/);
    const floaty = { id: 'a', effectiveFrom: '2026-01-01', rateOfIncome: 0.01, minimumKzt: 0, source: 's' } as unknown as ConstructorParameters<
      typeof Tariff
    >[0][number];
    expect(() => new Tariff([floaty])).toThrow(/decimal text/);
  });
});

describe('membership fee (F-21)', () => {
  it('F-21: declared once after the quarter, priced, paid in parts, settled; amounts stay exact', () => {
    const f = fee();
    f.declare(kzt('10000000'), tariff.feeFor(kzt('10000000'), '2026-03-31'), today, now);
    expect(f).toMatchObject({ status: 'assessed', feeTiyn: kzt('100000'), outstandingTiyn: kzt('100000') });
    expect(() => f.declare(tiyn(1), { tariffId: 't1', fee: tiyn(1) }, today, now)).toThrow(ConflictError);
    f.pay(payment(kzt('40000.10')), today, now);
    f.pay(payment(kzt('0.20')), today, now);
    expect(f.outstandingTiyn).toBe(kzt('59999.70'));
    f.pay(payment(kzt('59999.70')), today, now);
    expect(f).toMatchObject({ status: 'paid', paidTiyn: kzt('100000'), outstandingTiyn: 0 });
    expect(() => f.pay(payment(tiyn(1)), today, now)).toThrow(IllegalStateError);
  });

  it('F-21: a quarter that has not ended cannot be declared; a payment cannot be dated in the future', () => {
    const f = fee();
    expect(() => f.declare(tiyn(100), { tariffId: 't1', fee: tiyn(1) }, '2026-03-31', now)).toThrow(RuleViolationError);
    expect(() => f.pay(payment(tiyn(100), { paidOn: '2026-04-06' }), today, now)).toThrow(/future/);
  });

  it('F-21: the aggregate records what happened; the payment is returned for the repository', () => {
    const f = fee();
    expect(f.pullEvents().map((e) => e.name)).toEqual(['FeeOpened']);
    f.declare(kzt('0.30'), { tariffId: 't1', fee: kzt('0.30') }, today, now);
    const p = f.pay(payment(kzt('0.10')), today, now);
    expect(p).toMatchObject({ feeId: 'f1', amountTiyn: 10, source: 'manual' });
    f.pay(payment(kzt('0.20')), today, now);
    const events = f.pullEvents();
    expect(events.map((e) => e.name)).toEqual(['FeeAssessed', 'FeePaymentReceived', 'FeePaymentReceived']);
    expect(events[2]).toMatchObject({ paid: 30, settled: true });
    expect(f.pullEvents()).toEqual([]);
  });

  it('F-21, F-28(6): at the due date an undeclared fee is overdue; a paid one is not', () => {
    const undeclared = fee();
    expect(undeclared.markOverdue(now)).toBe('income-not-declared');
    expect(undeclared.status).toBe('overdue');
    expect(undeclared.peekEvents().at(-1)).toMatchObject({ name: 'FeeBecameOverdue', reason: 'income-not-declared', fee: null, outstanding: null });
    const partly = fee();
    partly.declare(kzt('1000000'), { tariffId: 't1', fee: kzt('10000') }, today, now);
    partly.pay(payment(kzt('5000')), today, now);
    expect(partly.markOverdue(now)).toBe('not-paid-in-full');
    expect(partly.peekEvents().at(-1)).toMatchObject({ fee: kzt('10000'), paid: kzt('5000'), outstanding: kzt('5000') });
    const paid = fee();
    paid.declare(kzt('1000000'), { tariffId: 't1', fee: kzt('10000') }, today, now);
    paid.pay(payment(kzt('10000')), today, now);
    expect(paid.markOverdue(now)).toBeNull();
  });

  it('F-21: an overdue fee paid in full later is settled', () => {
    const f = fee();
    f.markOverdue(now);
    f.declare(kzt('1000000'), { tariffId: 't1', fee: kzt('10000') }, today, now);
    expect(f.status).toBe('overdue');
    f.pay(payment(kzt('10000')), today, now);
    expect(f.status).toBe('paid');
  });
});

describe('bank-statement CSV (F-21)', () => {
  const bin = makeBin({ year: 2019, month: 5, serial: 11 });
  const header = 'paid_on,bin,amount_kzt,reference,period';

  it('F-21: parses the documented format; amounts become tiyn exactly (ADR 0036)', () => {
    const rows = parseBankStatement(
      `${header}\n2026-04-10,${bin},100000.50,BANK-1,2026-Q1\n"2026-04-11","${bin}","5",BANK-2,2026-Q1\n2026-04-12,${bin},0.29,BANK-3,2026-Q1\n`,
    );
    expect(rows).toEqual([
      { row: 2, paidOn: '2026-04-10', bin, amount: 10_000_050, reference: 'BANK-1', year: 2026, quarter: 1 },
      { row: 3, paidOn: '2026-04-11', bin, amount: 500, reference: 'BANK-2', year: 2026, quarter: 1 },
      { row: 4, paidOn: '2026-04-12', bin, amount: 29, reference: 'BANK-3', year: 2026, quarter: 1 },
    ]);
  });

  it('F-21: a quoted field holding a line break and a comma stays one field of one row (csv-parse, RFC 4180)', () => {
    // The hand parser split lines before quotes: the quoted line break cut row 2 in two.
    const csv = `\uFEFF${header}\r\n2026-04-10,${bin},"1,5",BANK-1,2026-Q1\r\n2026-04-10,${bin},"12.5\nx",BANK-2,2026-Q1\r\n2026-04-10,${bin},7.25,"BANK-3",2026-Q1\r\n`;
    try {
      parseBankStatement(csv);
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      // the comma and the line break are inside the amounts of rows 2 and 3 — not extra columns or rows
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['csv.row[2].amount_kzt', 'csv.row[3].amount_kzt']);
    }
    const ok = parseBankStatement(`${header}\n2026-04-10,${bin},"1500.00","REF-1",2026-Q1\n\n2026-04-11,${bin},2,REF-2,2026-Q1\n`);
    expect(ok.map((r) => [r.row, r.amount, r.reference])).toEqual([
      [2, 150_000, 'REF-1'],
      [3, 200, 'REF-2'],
    ]);
  });

  it('F-21: a quoted reference with a line break and a comma is one field, refused by the reference rule on its own row', () => {
    const csv = `${header}\n2026-04-10,${bin},10,"BANK,\n1",2026-Q1\n2026-04-10,${bin},10,BANK-2,2026-Q1\n`;
    try {
      parseBankStatement(csv);
      expect.fail('should throw');
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['csv.row[2].reference']);
    }
  });

  it('F-21: an unclosed quote is refused as a whole, naming the row', () => {
    expect(() => parseBankStatement(`${header}\n2026-04-10,${bin},10,"BANK-1,2026-Q1\n`)).toThrow(/row 2/);
  });

  it('F-21: every bad value is named by row and column, and nothing is returned', () => {
    try {
      parseBankStatement(
        `${header}\n2026-02-30,${bin},1,R1,2026-Q1\n2026-04-10,123456789012,-5,R1,2026-Q5\n2026-04-10,${bin}\n2026-04-10,${bin},1.005,R4,2026-Q1\n`,
      );
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        'csv.row[2].paid_on',
        'csv.row[3].bin',
        'csv.row[3].amount_kzt',
        'csv.row[3].reference',
        'csv.row[3].period',
        'csv.row[4]',
        'csv.row[5].amount_kzt',
      ]);
    }
  });

  it('F-21: a wrong header is refused', () => {
    expect(() => parseBankStatement('date,bin,amount\n')).toThrow(/header/);
  });
});
