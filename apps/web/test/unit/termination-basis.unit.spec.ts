import { expect, test } from '@playwright/test';
import {
  FUND_GROUNDS,
  basisChoices,
  basisNeed,
  commissionDecides,
  goesToCommission,
  ruleFieldProblem,
  type TerminationRecords,
} from '../../src/pages/termination-basis.ts';

// The staff console's early-termination form (issue #11): the records it offers per ground follow
// participation's rule (early-termination-basis.rule.ts, F-28), and F-30's Commission grounds.
const P = '019a0000-0000-7000-8000-000000000001';
const OTHER = '019a0000-0000-7000-8000-000000000002';
const records: TerminationRecords = {
  conclusions: [
    { id: 'c-exp', project: 'A', periodFrom: '2026-01-01', periodTo: '2026-03-31', conclusion: 'expedient' },
    { id: 'c-not', project: 'B', periodFrom: '2026-04-01', periodTo: '2026-06-30', conclusion: 'not-expedient' },
  ],
  reports: [
    { id: 'r-over', year: 2026, quarter: 1, dueDate: '2026-04-20', status: 'overdue' },
    { id: 'r-late', year: 2026, quarter: 2, dueDate: '2026-07-20', status: 'submitted-late' },
  ],
  requests: [
    { id: 'q-docs', kind: 'additional-documents', dueDate: '2026-05-14', status: 'overdue' },
    { id: 'q-tax', kind: 'tax-and-accounting', dueDate: '2026-05-14', status: 'overdue' },
    { id: 'q-open', kind: 'statistical-reports', dueDate: '2026-12-20', status: 'open' },
  ],
  audits: [
    { id: 'a-over', financialYear: 2025, dueDate: '2026-06-30', status: 'overdue' },
    { id: 'a-sub', financialYear: 2024, dueDate: '2025-06-30', status: 'submitted' },
  ],
  notices: [
    { id: 'n-liq', participationId: P, kind: 'liquidation', eventDate: '2026-05-01' },
    { id: 'n-rereg', participationId: P, kind: 're-registration', eventDate: '2026-04-01' },
    { id: 'n-other', participationId: OTHER, kind: 'liquidation', eventDate: '2026-05-01' },
  ],
  fees: [
    { id: 'f-over', year: 2026, quarter: 1, dueDate: '2026-04-25', status: 'overdue' },
    { id: 'f-paid', year: 2026, quarter: 2, dueDate: '2026-07-25', status: 'paid' },
  ],
};
const ids = (ground: Parameters<typeof basisChoices>[0]) => basisChoices(ground, records, P).map((b) => b.id);

test('F-28: each ground offers only the records of this participation that participation accepts as its basis', () => {
  expect(ids('monitoring-not-expedient')).toEqual(['c-not']); // (1) a "not expedient" conclusion (F-40)
  expect(ids('reports-not-submitted')).toEqual(['r-over', 'q-docs']); // (4) F-37/F-39 reports, F-38 extra documents — overdue
  expect(ids('liquidation')).toEqual(['n-liq']); // (5) this participation's liquidation notice (F-34)
  expect(ids('membership-fees-not-paid')).toEqual(['f-over']); // (6) an overdue fee (F-21)
  expect(ids('contract-breach')).toEqual(['q-tax', 'a-over']); // (7) an overdue F-32 request or F-33 audit opinion
  expect(ids('planned-results-achieved')).toEqual([]);
  expect(basisChoices('monitoring-not-expedient', {}, P)).toEqual([]); // nothing loaded (yet, or not readable): nothing offered
  expect(basisChoices('membership-fees-not-paid', records, P)[0]).toEqual({ id: 'f-over', kind: 'membership-fee', year: 2026, quarter: 1, due: '2026-04-25' });
});

test('F-28, F-30: which grounds need a record, which the Commission decides, and that the Fund does not withdraw for the participant', () => {
  expect(basisNeed('monitoring-not-expedient')).toBe('required');
  expect(basisNeed('reports-not-submitted')).toBe('required');
  expect(basisNeed('liquidation')).toBe('required');
  expect(basisNeed('membership-fees-not-paid')).toBe('required');
  expect(basisNeed('contract-breach')).toBe('optional');
  expect(basisNeed('planned-results-achieved')).toBe('none');
  expect(FUND_GROUNDS).toEqual([
    'monitoring-not-expedient',
    'planned-results-achieved',
    'reports-not-submitted',
    'liquidation',
    'membership-fees-not-paid',
    'contract-breach',
  ]);
  expect(FUND_GROUNDS.filter(goesToCommission)).toEqual(['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach']);
  expect([1, 2, 3, 4, 5, 6, 7].filter(commissionDecides)).toEqual([1, 2, 7]);
});

test('a rule refusal names its field (problem+json of participation), other problems do not', () => {
  expect(ruleFieldProblem({ code: 'rule.F-28(1)', ruleId: 'F-28(1)', field: 'basisId', status: 422 })).toEqual({ field: 'basisId', ruleId: 'F-28(1)' });
  expect(ruleFieldProblem({ code: 'rule.F-28(4)', ruleId: 'F-28(4)', field: 'basisId', ground: 'contract-breach' })).toEqual({
    field: 'basisId',
    ruleId: 'F-28(4)',
    ground: 'contract-breach',
  });
  expect(ruleFieldProblem({ code: 'state.illegal', detail: 'case is still open' })).toBeNull();
  expect(ruleFieldProblem({ code: 'rule.F-29', earliestWithdrawalDate: '2026-12-20' })).toBeNull();
  expect(ruleFieldProblem(undefined)).toBeNull();
});
