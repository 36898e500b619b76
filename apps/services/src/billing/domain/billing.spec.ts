import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { IllegalStateError, RuleViolationError, ValidationError, tiyn } from '@hub/kernel';
import { DeliveryAct } from './delivery-act.aggregate.js';
import { Invoice, type ContractTerms } from './invoice.aggregate.js';
import { assertInvoiceWithinContractPrice } from './rules/invoice-within-contract-price.rule.js';
import { invoiceDueOn } from './rules/payment-due.rule.js';

const at = new Date('2026-12-21T04:00:00Z');
const contract: ContractTerms = {
  applicationId: '0193a8b0-0000-7000-8000-000000000001',
  contractId: '0193a8b0-0000-7000-8000-000000000002',
  recipientKind: 'legal-entity',
  recipientId: '150340000015',
  contractPriceTiyn: tiyn(300_000_00),
};
const issue = (amountTiyn: number) =>
  Invoice.issue({
    id: 'inv-1',
    number: 'SRV-2026-000001',
    contract,
    amountTiyn,
    purpose: 'Prepayment',
    issuedOn: '2026-12-21',
    dueOn: '2027-01-05',
    issuedBy: 'finance',
    at,
  });
const payment = (amountTiyn: number, paidOn = '2026-12-21') => ({
  id: `p-${amountTiyn}`,
  amountTiyn,
  paidOn: paidOn,
  reference: `TX-${amountTiyn}`,
  source: 'manual' as const,
  importId: null,
  recordedBy: 'finance',
});

describe('F-55 invoices (ADR 0066)', () => {
  it('F-55: all invoices of a contract together stay within its amount, cancelled ones not counted by the caller', () => {
    expect(() =>
      assertInvoiceWithinContractPrice({ contractPriceTiyn: tiyn(300_00), invoicedTiyn: [tiyn(200_00)], newInvoiceTiyn: tiyn(100_00) }),
    ).not.toThrow();
    const e = (() => {
      try {
        assertInvoiceWithinContractPrice({ contractPriceTiyn: tiyn(300_00), invoicedTiyn: [tiyn(200_00)], newInvoiceTiyn: tiyn(100_01) });
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(RuleViolationError);
    expect((e as RuleViolationError).ruleId).toBe('F-55');
    expect((e as RuleViolationError).message).toContain('10000 tiyn is left');
  });

  it('F-55: the due day is the n-th Kazakh working day after issue (the New Year holidays skipped)', () => {
    const cal = kzCalendar();
    const due = invoiceDueOn('2026-12-29', 3, (d, n) => cal.addWorkingDays(d, n));
    expect(cal.isWorkingDay(due)).toBe(true);
    expect(due > '2027-01-02').toBe(true); // 1 and 2 January are public holidays
    expect(() => invoiceDueOn('2026-12-29', 0, (d) => d)).toThrow(/positive/);
  });

  it('F-55: payments add up exactly in tiyn; the last one pays the invoice; more than outstanding is refused', () => {
    const inv = issue(300_000_00);
    expect(inv.pullEvents().map((e) => e.name)).toEqual(['InvoiceIssued']);
    inv.pay(payment(100_000_10), '2026-12-21', at);
    expect(inv.outstandingTiyn).toBe(199_999_90);
    expect(() => inv.pay(payment(199_999_91), '2026-12-21', at)).toThrow(RuleViolationError);
    inv.pay(payment(199_999_90), '2026-12-21', at);
    expect(inv.status).toBe('paid');
    expect(inv.pullEvents().map((e) => e.name)).toEqual(['PaymentRecorded', 'PaymentRecorded', 'InvoicePaid']);
    expect(() => inv.pay(payment(1), '2026-12-21', at)).toThrow(IllegalStateError);
    inv.markOverdue(at);
    expect(inv.overdue).toBe(false); // a paid invoice is never overdue
  });

  it('F-55: a payment dated before the invoice or in the future is refused naming paidOn; a fraction of a tiyn is refused', () => {
    const inv = issue(100_00);
    expect(() => inv.pay(payment(1_00, '2026-12-20'), '2026-12-21', at)).toThrow(ValidationError);
    expect(() => inv.pay(payment(1_00, '2026-12-22'), '2026-12-21', at)).toThrow(/future/);
    expect(() => issue(10.5)).toThrow(/whole number of tiyn/);
  });

  it('F-55: only an unpaid invoice is cancelled', () => {
    const inv = issue(100_00);
    inv.pay(payment(1_00), '2026-12-21', at);
    expect(() => inv.cancel('issued in error', at)).toThrow(IllegalStateError);
    const other = issue(100_00);
    other.cancel('issued in error', at);
    expect(other.status).toBe('cancelled');
  });
});

describe('F-55 delivery acts', () => {
  const act = (deliveredFrom: string, deliveredTo: string) =>
    DeliveryAct.issue({
      id: 'act-1',
      number: 'ACT-2026-000001',
      contract,
      contractSignedOn: '2026-12-16',
      deliveredFrom: deliveredFrom,
      deliveredTo: deliveredTo,
      description: 'Two sessions',
      issuedOn: '2026-12-21',
      at,
    });
  it('F-55: an act covers a delivered period inside the contract, and is answered once', () => {
    expect(() => act('2026-12-10', '2026-12-18')).toThrow(/contract signed on 2026-12-16/);
    expect(() => act('2026-12-18', '2026-12-17')).toThrow(/ends before it starts/);
    expect(() => act('2026-12-18', '2026-12-22')).toThrow(/not what will be/);
    const a = act('2026-12-16', '2026-12-18');
    expect(() => a.dispute('applicant', ' ', '2026-12-21', at)).toThrow(ValidationError);
    a.dispute('applicant', 'Only one session took place', '2026-12-21', at);
    expect(() => a.accept('applicant', '2026-12-21', at)).toThrow(IllegalStateError);
    expect(a.pullEvents().map((e) => e.name)).toEqual(['DeliveryActIssued', 'DeliveryActDisputed']);
  });
});
