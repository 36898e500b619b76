import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@hub/kernel';
import { makeBin } from '@hub/identifiers';
import { Fee } from './fee.aggregate.js';
import { parseBankStatement } from './rules/bank-statement-csv.rule.js';
import { Tariff } from './tariff.js';

const now = new Date('2026-04-05T04:00:00Z');
const tariff = new Tariff([
  { id: 't1', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', rateOfIncome: 0.01, minimumKzt: 0, source: 'test' },
  { id: 't2', effectiveFrom: '2026-07-01', rateOfIncome: 0.005, minimumKzt: 50_000, source: 'test' },
]);
const fee = () => Fee.open({ id: 'f1', participationId: 'p1', bin: '190540000011', year: 2026, quarter: 1, dueDate: '2026-04-27' }, now);

describe('tariff (F-22, F-23)', () => {
  it('F-23: the version in force on the quarter end prices the quarter', () => {
    expect(tariff.feeFor(10_000_000, '2026-03-31')).toEqual({ tariffId: 't1', feeKzt: 100_000 });
    expect(tariff.feeFor(2_000_000, '2026-09-30')).toEqual({ tariffId: 't2', feeKzt: 50_000 }); // minimum applies
    expect(tariff.feeFor(0, '2026-09-30')).toEqual({ tariffId: 't2', feeKzt: 0 });
  });

  it('F-22: a date without a tariff, and overlapping versions, are errors', () => {
    expect(() => tariff.feeFor(1, '2025-12-31')).toThrow(ValidationError);
    expect(() => new Tariff([{ id: 'a', effectiveFrom: '2026-01-01', rateOfIncome: 0.01, minimumKzt: 0, source: 's' }, { id: 'b', effectiveFrom: '2026-06-01', rateOfIncome: 0.01, minimumKzt: 0, source: 's' }])).toThrow(/overlaps/);
  });
});

describe('membership fee (F-21)', () => {
  it('F-21: declared once, priced, paid in parts, settled', () => {
    const f = fee();
    f.declare(10_000_000, tariff.feeFor(10_000_000, '2026-03-31'), now);
    expect(f).toMatchObject({ status: 'assessed', feeKzt: 100_000, outstandingKzt: 100_000 });
    expect(() => f.declare(1, { tariffId: 't1', feeKzt: 0.01 }, now)).toThrow(ConflictError);
    f.pay(40_000.5, now);
    expect(f.outstandingKzt).toBe(59_999.5);
    f.pay(59_999.5, now);
    expect(f.status).toBe('paid');
  });

  it('F-21, F-28(6): at the due date an undeclared fee is overdue; a paid one is not', () => {
    const undeclared = fee();
    expect(undeclared.markOverdue(now)).toBe('income-not-declared');
    expect(undeclared.status).toBe('overdue');
    const partly = fee();
    partly.declare(1_000_000, { tariffId: 't1', feeKzt: 10_000 }, now);
    partly.pay(5_000, now);
    expect(partly.markOverdue(now)).toBe('not-paid-in-full');
    const paid = fee();
    paid.declare(1_000_000, { tariffId: 't1', feeKzt: 10_000 }, now);
    paid.pay(10_000, now);
    expect(paid.markOverdue(now)).toBeNull();
  });

  it('F-21: an overdue fee paid in full later is settled', () => {
    const f = fee();
    f.markOverdue(now);
    f.declare(1_000_000, { tariffId: 't1', feeKzt: 10_000 }, now);
    expect(f.status).toBe('overdue');
    f.pay(10_000, now);
    expect(f.status).toBe('paid');
  });
});

describe('bank-statement CSV (F-21)', () => {
  const bin = makeBin({ year: 2019, month: 5, serial: 11 });
  it('F-21: parses the documented format', () => {
    const rows = parseBankStatement(`paid_on,bin,amount_kzt,reference,period\n2026-04-10,${bin},100000.50,BANK-1,2026-Q1\n"2026-04-11","${bin}","5",BANK-2,2026-Q1\n`);
    expect(rows).toEqual([
      { row: 2, paidOn: '2026-04-10', bin, amountKzt: 100000.5, reference: 'BANK-1', year: 2026, quarter: 1 },
      { row: 3, paidOn: '2026-04-11', bin, amountKzt: 5, reference: 'BANK-2', year: 2026, quarter: 1 },
    ]);
  });

  it('F-21: every bad value is named by row and column, and nothing is returned', () => {
    try {
      parseBankStatement(`paid_on,bin,amount_kzt,reference,period\n2026-02-30,${bin},1,R1,2026-Q1\n2026-04-10,123456789012,-5,R1,2026-Q5\n2026-04-10,${bin}\n`);
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
      ]);
    }
  });

  it('F-21: a wrong header is refused', () => {
    expect(() => parseBankStatement('date,bin,amount\n')).toThrow(/header/);
  });
});
