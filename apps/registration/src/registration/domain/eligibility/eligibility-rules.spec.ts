import { describe, expect, it } from 'vitest';
import { makeBin } from '@hub/identifiers';
import { mergeThresholds, referenceData, referenceDataFrom } from '@hub/reference-data';
import { cleanDeclaration } from '../../../cli/sample-data.js';
import { shippedActivityTypeList } from '../../../../test/support/activity-type-list.js';
import type { EligibilityContext } from './eligibility-rule.js';
import { evaluateEligibility } from './eligibility-rule-set.js';

const catalogue = shippedActivityTypeList();
const shipped = referenceData();
/** The shipped data plus a made-up MCI for 2028–2029 (not yet set by law), so that 2029 filings can be evaluated in tests. */
const reference = referenceDataFrom(
  mergeThresholds(
    shipped.keys().flatMap((k) => shipped.history(k)),
    [2028, 2029].map((y) => ({
      key: 'mci',
      value: 5000,
      unit: 'KZT',
      effectiveFrom: `${y}-01-01`,
      effectiveTo: `${y}-12-31`,
      ruleIds: ['F-9(2)'],
      source: 'test value',
    })),
  ),
);
const headOffice = makeBin({ year: 2019, month: 5, serial: 1234 });

const ctx = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  bin: headOffice,
  kind: 'registration',
  filedOn: '2026-11-20',
  evaluatedOn: '2026-11-20',
  declaration: cleanDeclaration(),
  activityTypes: [{ code: 'PH-01', works: ['PH-01.1'] }],
  taxCertificate: { issuedOn: '2026-11-15', debtTiyn: 0 },
  catalogue,
  reference,
  ...over,
});
const outcome = (c: EligibilityContext, ruleId: string) => evaluateEligibility(c).outcomes.find((o) => o.ruleId === ruleId)!;

describe('eligibility rules (F-7, F-9(2))', () => {
  it('a clean 2026 application passes every rule in force and records the rule-set version', () => {
    const e = evaluateEligibility(ctx());
    expect(e.eligible).toBe(true);
    expect(e.outcomes.filter((o) => o.outcome === 'passed').map((o) => o.ruleId)).toEqual([
      'F-7(1)',
      'F-7(2)',
      'F-7(3)',
      'F-7(4)',
      'F-7(5)',
      'F-7(6)',
      'F-7(7)',
      'F-9(2)/age',
      'F-9(2)/debt',
    ]);
    expect(e.ruleSetVersion).toBe('fund-rules-703/2025@2026-01-16+activity-list:placeholder-2026-11');
  });

  it('F-7(1): a joint individual entrepreneurship BIN is not a legal entity', () => {
    const o = outcome(ctx({ bin: makeBin({ year: 2019, month: 5, serial: 77, entityKind: 'joint-individual-entrepreneurship' }) }), 'F-7(1)');
    expect(o.outcome).toBe('failed');
    expect(o.message).toMatch(/not belong to a legal entity/);
  });

  it('F-7(1)/F-7(2): a branch BIN fails both with a message saying the head office must apply', () => {
    const c = ctx({ bin: makeBin({ year: 2019, month: 5, serial: 88, officeKind: 'branch' }) });
    expect(outcome(c, 'F-7(1)').outcome).toBe('failed');
    expect(outcome(c, 'F-7(1)').message).toMatch(/branch BIN.*head office.*F-7\(1\), F-7\(2\)/);
    expect(outcome(c, 'F-7(2)').outcome).toBe('failed');
  });

  it('F-7(2): a company that declares branches is not eligible', () => {
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), hasBranches: true } }), 'F-7(2)')).toMatchObject({
      outcome: 'failed',
      field: 'eligibility.hasBranches',
    });
  });

  it('F-7(3): investment priority or pre-2015 strategic project', () => {
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), implementsInvestmentPriorityProject: true } }), 'F-7(3)').outcome).toBe('failed');
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), implementsInvestmentStrategicProjectBefore2015: true } }), 'F-7(3)').message).toMatch(
      /before 1 Jan 2015/,
    );
  });

  it('F-7(3): «іске асыратын (іске асырған)» — having implemented such a project also fails; the "has implemented" questions must be answered', () => {
    const implemented = outcome(ctx({ declaration: { ...cleanDeclaration(), hasImplementedInvestmentPriorityProject: true } }), 'F-7(3)');
    expect(implemented.outcome).toBe('failed');
    expect(implemented.message).toMatch(/has implemented an investment priority project/);
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), hasImplementedInvestmentStrategicProjectBefore2015: true } }), 'F-7(3)').message).toMatch(
      /has implemented an investment strategic project/,
    );
    const { hasImplementedInvestmentPriorityProject: _omit, ...unanswered } = cleanDeclaration();
    expect(outcome(ctx({ declaration: unanswered }), 'F-7(3)').message).toMatch(/answer whether the applicant has implemented/);
    expect(outcome(ctx(), 'F-7(3)').outcome).toBe('passed');
  });

  it('F-7(4): 50 % state ownership fails, 49.99 % passes', () => {
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), stateOwnershipPercent: 50 } }), 'F-7(4)').outcome).toBe('failed');
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), stateOwnershipPercent: 49.99 } }), 'F-7(4)').outcome).toBe('passed');
  });

  it('F-7(5): subsoil user or SEZ participant', () => {
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), isSubsoilUser: true } }), 'F-7(5)').outcome).toBe('failed');
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), isSezParticipant: true } }), 'F-7(5)').message).toMatch(/special economic zone/);
  });

  it('F-7(6): excise payer', () => {
    expect(outcome(ctx({ declaration: { ...cleanDeclaration(), isExcisePayer: true } }), 'F-7(6)').outcome).toBe('failed');
  });

  it('F-7(7): activity types and works must be on the list', () => {
    expect(outcome(ctx({ activityTypes: [] }), 'F-7(7)').outcome).toBe('failed');
    expect(outcome(ctx({ activityTypes: [{ code: 'XX-99', works: ['x'] }] }), 'F-7(7)').message).toMatch(/XX-99 is not a priority/);
    expect(outcome(ctx({ activityTypes: [{ code: 'PH-01', works: [] }] }), 'F-7(7)').message).toMatch(/at least one of the works/);
    expect(outcome(ctx({ activityTypes: [{ code: 'PH-01', works: ['PH-02.1'] }] }), 'F-7(7)').message).toMatch(/PH-02.1 is not a work/);
    expect(
      outcome(
        ctx({
          activityTypes: [
            { code: 'PH-01', works: ['PH-01.1'] },
            { code: 'PH-02', works: ['PH-02.2'] },
          ],
        }),
        'F-7(7)',
      ).outcome,
    ).toBe('passed');
  });

  it('F-7(8): not applied to applications filed before 2029-01-01, applied from that date', () => {
    const before = ctx({ filedOn: '2028-12-31', declaration: { ...cleanDeclaration(), exportRevenuePercent: 10 } });
    expect(outcome(before, 'F-7(8)').outcome).toBe('not-applicable');
    const from = { filedOn: '2029-01-01', evaluatedOn: '2029-01-01', taxCertificate: null } as const;
    expect(outcome(ctx({ ...from, declaration: { ...cleanDeclaration(), exportRevenuePercent: 50 } }), 'F-7(8)').outcome).toBe('failed');
    expect(outcome(ctx({ ...from, declaration: { ...cleanDeclaration(), exportRevenuePercent: 50.5 } }), 'F-7(8)').outcome).toBe('passed');
    expect(outcome(ctx({ ...from }), 'F-7(8)').message).toMatch(/state the share of export revenue/);
  });

  it('F-7(9): from 2029, at most 50 % of income from state and quasi-state contracts', () => {
    expect(outcome(ctx({ filedOn: '2028-06-01', declaration: { ...cleanDeclaration(), quasiStateRevenuePercent: 90 } }), 'F-7(9)').outcome).toBe(
      'not-applicable',
    );
    const from = { filedOn: '2029-02-01', evaluatedOn: '2029-02-01', taxCertificate: null } as const;
    expect(outcome(ctx({ ...from, declaration: { ...cleanDeclaration(), quasiStateRevenuePercent: 50 } }), 'F-7(9)').outcome).toBe('passed');
    expect(outcome(ctx({ ...from, declaration: { ...cleanDeclaration(), quasiStateRevenuePercent: 50.01 } }), 'F-7(9)').outcome).toBe('failed');
  });

  it("F-7(8) reads its own effective-dated threshold (eligibility.export-share-min-percent), not F-7(9)'s limit", () => {
    const from = { filedOn: '2029-01-01', evaluatedOn: '2029-01-01', taxCertificate: null } as const;
    const moved = referenceDataFrom(
      mergeThresholds(
        reference.keys().flatMap((k) => reference.history(k)),
        [
          {
            key: 'eligibility.export-and-quasi-state-rules',
            value: 30,
            unit: 'percent',
            effectiveFrom: '2029-01-01',
            ruleIds: ['F-7(9)'],
            source: 'test value',
          },
        ],
      ),
    );
    const c = (exportRevenuePercent: number) => ctx({ ...from, reference: moved, declaration: { ...cleanDeclaration(), exportRevenuePercent } });
    // F-7(9)'s limit moved to 30 %: F-7(8) still asks for more than its own 50 %
    expect(outcome(c(40), 'F-7(8)').outcome).toBe('failed');
    expect(outcome(c(40), 'F-7(8)').message).toMatch(/more than 50 %/);
    expect(outcome(c(50.5), 'F-7(8)').outcome).toBe('passed');
    expect(reference.history('eligibility.export-share-min-percent')).toEqual([
      expect.objectContaining({ value: 50, effectiveFrom: '2029-01-01', ruleIds: ['F-7(8)'] }),
    ]);
  });

  it('F-7(8)/F-7(9): the rule-set version moves to the 2029 version for a 2029 filing', () => {
    const e = evaluateEligibility(ctx({ filedOn: '2029-01-10', evaluatedOn: '2029-01-10', taxCertificate: null }));
    expect(e.ruleSetVersion).toMatch(/^fund-rules-703\/2025@2029-01-01/);
  });

  it('F-9(2): the tax certificate is at most 10 calendar days old and not from the future', () => {
    expect(outcome(ctx({ taxCertificate: { issuedOn: '2026-11-10', debtTiyn: 0 } }), 'F-9(2)/age').outcome).toBe('passed');
    expect(outcome(ctx({ taxCertificate: { issuedOn: '2026-11-09', debtTiyn: 0 } }), 'F-9(2)/age').message).toMatch(/2026-11-10 or later/);
    expect(outcome(ctx({ taxCertificate: { issuedOn: '2026-11-21', debtTiyn: 0 } }), 'F-9(2)/age').message).toMatch(/in the future/);
    expect(outcome(ctx({ taxCertificate: null }), 'F-9(2)/age').outcome).toBe('failed');
  });

  it('F-9(2): the age runs back from the FILING date — a resubmission 15 days later keeps the certificate; a newer one is accepted too', () => {
    const resubmission = { filedOn: '2026-11-20', evaluatedOn: '2026-12-07' } as const;
    expect(outcome(ctx({ ...resubmission, taxCertificate: { issuedOn: '2026-11-10', debtTiyn: 0 } }), 'F-9(2)/age').outcome).toBe('passed');
    expect(outcome(ctx({ ...resubmission, taxCertificate: { issuedOn: '2026-12-01', debtTiyn: 0 } }), 'F-9(2)/age').outcome).toBe('passed');
    expect(outcome(ctx({ ...resubmission, taxCertificate: { issuedOn: '2026-11-09', debtTiyn: 0 } }), 'F-9(2)/age').message).toMatch(
      /before the filing date 2026-11-20 \(2026-11-10 or later\)/,
    );
  });

  it('F-9(2): debt above 6 × MCI of the filing year (25 950 KZT = 2 595 000 tiyn in 2026) is non-compliant — compared in integer tiyn, exact at the limit ± 1 tiyn (ADR 0036)', () => {
    const debt = (debtTiyn: number, filedOn = '2026-11-20', issuedOn = '2026-11-15') =>
      outcome(ctx({ filedOn, evaluatedOn: filedOn, taxCertificate: { issuedOn, debtTiyn } }), 'F-9(2)/debt');
    expect(debt(2_595_000 - 1).outcome).toBe('passed');
    expect(debt(2_595_000).outcome).toBe('passed'); // at the limit: not above it
    const over = debt(2_595_000 + 1);
    expect(over.outcome).toBe('failed');
    expect(over.field).toBe('taxCertificate.debtTiyn');
    expect(over.message).toBe('the tax debt of 25950.01 KZT is above 6 × MCI of 2026 (25950.00 KZT)');
    // 2029 (test MCI 5 000): 6 × 5 000 KZT = 3 000 000 tiyn
    expect(debt(3_000_000, '2029-03-01', '2029-02-27').outcome).toBe('passed');
    expect(debt(3_000_001, '2029-03-01', '2029-02-27').message).toMatch(/30000\.01 KZT is above .* \(30000\.00 KZT\)/);
    // a fraction of a tiyn never reaches the rule through the contract; if it does, it fails instead of being rounded
    expect(debt(0.5).outcome).toBe('failed');
  });
});

describe('activity-type change (F-20)', () => {
  it('F-20: a change is checked against the list (F-7(1), F-7(7)) only; the other rules are recorded as not applicable', () => {
    const e = evaluateEligibility(
      ctx({ kind: 'activity-change', declaration: null, taxCertificate: null, activityTypes: [{ code: 'PH-03', works: ['PH-03.2'] }] }),
    );
    expect(e.eligible).toBe(true);
    expect(e.outcomes.filter((o) => o.outcome === 'passed').map((o) => o.ruleId)).toEqual(['F-7(1)', 'F-7(7)']);
    expect(e.outcomes.find((o) => o.ruleId === 'F-9(2)/debt')?.outcome).toBe('not-applicable');
  });
});
