import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '@hub/kernel';
import { Cohort } from './cohort.aggregate.js';
import { CohortEnrolment } from './enrolment.aggregate.js';
import { assertSeatFree } from './rules/cohort-capacity.rule.js';

const at = new Date('2026-11-16T04:00:00Z');
const cohort = (o: Partial<Parameters<typeof Cohort.open>[0]> = {}) =>
  Cohort.open({
    id: '0193a000-0000-7000-8000-000000000001',
    serviceId: '0193a000-0000-7000-8000-000000000002',
    serviceDirection: 'acceleration',
    firstIntakeOpensOn: '2026-12-16',
    title: 'Winter cohort',
    town: { katoCode: '711000000', name: 'Astana' },
    startsOn: '2027-01-11',
    endsOn: '2027-04-02',
    capacity: 2,
    at,
    ...o,
  });
const application = {
  id: '0193a000-0000-7000-8000-000000000003',
  serviceId: '0193a000-0000-7000-8000-000000000002',
  status: 'contracted',
  recipientKind: 'legal-entity' as const,
  recipientId: '123456789012',
  contractId: '0193a000-0000-7000-8000-000000000004',
};

describe('F-44 acceleration cohorts', () => {
  it('F-44: a cohort belongs to an acceleration or business-incubation service only', () => {
    expect(() => cohort({ serviceDirection: 'consultation' })).toThrow(RuleViolationError);
    expect(() => cohort({ endsOn: '2027-01-10' })).toThrow(ValidationError);
    expect(cohort().capacity).toBe(2);
  });
  it('F-44 with F-55: a cohort starts on or after the first intake of its service’s calls, and needs a published call', () => {
    expect(() => cohort({ firstIntakeOpensOn: null })).toThrow(/F-55: no call of this service is published/);
    expect(() => cohort({ firstIntakeOpensOn: '2027-01-12' })).toThrow(/F-55: the first intake of this service's calls opens on 2027-01-12/);
    expect(cohort({ firstIntakeOpensOn: '2027-01-11' }).startsOn).toBe('2027-01-11'); // the intake's first day itself
  });
  it('F-44: the capacity holds — the last seat is refused once taken', () => {
    expect(() => assertSeatFree(2, 1, 'c')).not.toThrow();
    expect(() => assertSeatFree(2, 2, 'c')).toThrow(/F-44: the cohort c is full/);
  });
  it('F-55: a person is enrolled only under a signed contract of the cohort’s service', () => {
    const c = cohort();
    const protectedIin = { index: 'hmac-of-the-iin', cipher: 'pii1.k.iv.tag.ct' };
    const base = { id: '0193a000-0000-7000-8000-000000000005', cohort: c, protectedIin, today: '2026-12-01' as const, at };
    expect(() => CohortEnrolment.enrol({ ...base, application: { ...application, status: 'approved', contractId: null } })).toThrow(/F-55/);
    expect(() => CohortEnrolment.enrol({ ...base, application: { ...application, serviceId: '0193a000-0000-7000-8000-000000000009' } })).toThrow(/F-44/);
    // F-43 with F-42 (ADR 0069): an individual's contract names a pseudonym; only the person with that pseudonym is enrolled
    const individual = { ...application, recipientKind: 'individual' as const, recipientId: '0193a000-0000-7000-8000-0000000000aa' };
    expect(() => CohortEnrolment.enrol({ ...base, application: individual })).toThrow(ValidationError);
    expect(() => CohortEnrolment.enrol({ ...base, application: individual, personPseudonym: '0193a000-0000-7000-8000-0000000000bb' })).toThrow(ValidationError);
    expect(CohortEnrolment.enrol({ ...base, application: individual, personPseudonym: individual.recipientId }).recipientId).toBe(individual.recipientId);
    expect(() => CohortEnrolment.enrol({ ...base, today: '2027-04-03', application })).toThrow(/ended/);
    const e = CohortEnrolment.enrol({ ...base, application });
    expect(e.status).toBe('enrolled');
    // F-42 (ADR 0068, 0123): the event names the person by the blind index only; the enrolment keeps only the protected forms
    const [enrolled] = e.pullEvents();
    expect(enrolled).toMatchObject({ name: 'PersonEnrolled', personIinIndex: protectedIin.index });
    expect(JSON.stringify(enrolled)).not.toContain('pii1.');
    expect(e).toMatchObject({ personIinIndex: protectedIin.index, personIinCipher: protectedIin.cipher });
    expect(JSON.stringify(e)).not.toContain('900101300123');
  });
  it('F-44: expulsion needs reasons; completion not before the start; each happens once', () => {
    const c = cohort();
    const e = CohortEnrolment.enrol({
      id: '0193a000-0000-7000-8000-000000000006',
      cohort: c,
      application,
      protectedIin: { index: 'hmac', cipher: 'pii1.k.iv.tag.ct' },
      today: '2026-12-01',
      at,
    });
    e.pullEvents();
    expect(() => e.complete(c, '2027-01-08', at)).toThrow(/F-44/);
    expect(() => e.expel('other', ' ', '2027-02-01', at)).toThrow(ValidationError);
    e.expel('own-request', 'Moved abroad', '2027-02-01', at);
    expect(e.endedOn).toBe('2027-02-01');
    expect(e.pullEvents()).toEqual([expect.objectContaining({ name: 'PersonExpelled', personIinIndex: 'hmac' })]);
    expect(() => e.complete(c, '2027-04-02', at)).toThrow(/expelled/);
  });
});
