import { describe, expect, it } from 'vitest';
import { SERVICE_APPLICATION_FIELDS } from '@hub/contracts';
import { IllegalStateError, RuleViolationError } from '@hub/kernel';
import { F48_FIELDS, F48_PATHS_MATCH_CONTENT } from './rules/required-fields.rule.js';
import { type ApplicationContent, ServiceApplication } from './service-application.aggregate.js';

const at = new Date('2026-12-01T04:00:00Z');
const basic: ApplicationContent = {
  project: { name: 'Steppe AI', direction: 'ML', summary: 'Crop forecasts', expectedResults: 'A pilot with two farms' },
  contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
  readiness: null,
  team: null,
  pitchUrl: null,
};
const full: ApplicationContent = {
  ...basic,
  readiness: { stage: 'MVP', technologies: 'Python', problem: 'Yield', businessModel: 'SaaS', lifetime: '5 years' },
  team: { size: 4, involvement: 'full time' },
  pitchUrl: 'https://example.kz/pitch',
};
const file = (o: Partial<Parameters<typeof ServiceApplication.file>[0]> = {}) =>
  ServiceApplication.file({
    id: '018f0000-0000-7000-8000-000000000001',
    callId: '018f0000-0000-7000-8000-000000000002',
    serviceId: '018f0000-0000-7000-8000-000000000003',
    recipientKind: 'legal-entity',
    recipientId: '190140020101',
    filedBy: 'user-1',
    participant: true,
    language: 'ru',
    declarationAccepted: true,
    content: basic,
    requiredSections: { readiness: false, team: false, pitch: false },
    reviewDueOn: '2026-12-15',
    at,
    ...o,
  });
const ruleOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleViolationError) return e.ruleId;
    throw e;
  }
  return undefined;
};

describe('F-48: conditional fields (3) … (5) where the service requires them', () => {
  it('a service requiring none accepts (1) and (2) only', () => {
    expect(file().status).toBe('under-review');
  });
  it('each required section missing is refused naming F-48 and the section', () => {
    for (const [key, label] of [
      ['readiness', 'F-48(3)'],
      ['team', 'F-48(4)'],
      ['pitch', 'F-48(5)'],
    ] as const) {
      const required = { readiness: false, team: false, pitch: false, [key]: true };
      expect(ruleOf(() => file({ requiredSections: required }))).toBe('F-48');
      expect(() => file({ requiredSections: required })).toThrow(label);
      expect(file({ requiredSections: required, content: full }).status).toBe('under-review');
    }
  });
});

describe('F-49, F-50', () => {
  it('F-49: an English application needs a translation by the Fund; kk and ru do not', () => {
    expect(file({ language: 'en' }).translationRequired).toBe(true);
    expect(file({ language: 'kk' }).translationRequired).toBe(false);
  });
  it('F-50: without the declaration of accuracy nothing is filed', () => {
    expect(ruleOf(() => file({ declarationAccepted: false }))).toBe('F-50');
  });
});

describe('F-52 remarks, F-53 refusal grounds, F-54', () => {
  it('F-48, F-52: every path of the published SERVICE_APPLICATION_FIELDS may carry a remark — one list, no copy', () => {
    expect(F48_FIELDS).toBe(SERVICE_APPLICATION_FIELDS);
    expect(F48_PATHS_MATCH_CONTENT).toBe(true);
    const a = file();
    a.issueRemarks(
      SERVICE_APPLICATION_FIELDS.map((field) => ({ field, message: 'Fix' })),
      at,
    );
    expect(a.remarks.map((r) => r.field)).toEqual([...SERVICE_APPLICATION_FIELDS]);
  });
  it('F-52: remarks name F-48 fields; an unknown field is refused', () => {
    const a = file();
    expect(ruleOf(() => a.issueRemarks([{ field: 'revenue', message: 'x' }], at))).toBe('F-52');
    a.issueRemarks([{ field: 'project.summary', message: 'Say what the pilot delivers' }], at);
    expect(a.status).toBe('remarks-issued');
  });
  it('F-53(2) "remarks not eliminated" needs outstanding remarks', () => {
    const a = file();
    expect(ruleOf(() => a.refuse('remarks-not-eliminated', 'The remarks were not answered', at))).toBe('F-53');
    a.issueRemarks([{ field: 'contacts.email', message: 'Unreachable' }], at);
    a.refuse('remarks-not-eliminated', 'The remarks were not answered', at);
    expect(a.status).toBe('refused');
  });
  it('F-53(1) non-compliance and F-53(3) conditions not met refuse an application under review, with reasons', () => {
    const a = file();
    expect(ruleOf(() => a.refuse('non-compliance', 'short', at))).toBe('F-53');
    a.refuse('conditions-not-met', 'The applicant does not meet condition 2 of the call', at);
    expect(a.refusalGround).toBe('conditions-not-met');
    expect(() => a.refuse('non-compliance', 'Another refusal after the first', at)).toThrow(IllegalStateError);
  });
  it('a resubmission answers the remarks and returns the application under review; then a contract may be decided', () => {
    const a = file();
    a.issueRemarks([{ field: 'project.summary', message: 'More detail' }], at);
    expect(() => a.approve(at)).toThrow(IllegalStateError);
    a.resubmit(basic, { readiness: false, team: false, pitch: false }, '2026-12-20', at);
    expect(a.remarks[0]?.answeredAt).not.toBeNull();
    a.approve(at);
    expect(a.status).toBe('approved');
  });
});

describe('F-56: the contract keeps the price fixed at signing', () => {
  it('records the price, its basis and the entry; a second signing is refused', () => {
    const a = file();
    a.approve(at);
    a.signContract('018f0000-0000-7000-8000-00000000000c', { priceTiyn: 12_345, basis: 'participant', priceListEntryId: 'e' }, '2026-12-02', at);
    expect(a).toMatchObject({ status: 'contracted', contractPriceTiyn: 12_345, priceBasis: 'participant', contractSignedOn: '2026-12-02' });
    expect(a.pullEvents().map((e) => e.name)).toEqual(['ApplicationFiled', 'DecisionMade', 'ContractSigned']);
    expect(() => a.signContract('x', { priceTiyn: 1, basis: 'participant', priceListEntryId: 'f' }, '2026-12-03', at)).toThrow(IllegalStateError);
  });
});
