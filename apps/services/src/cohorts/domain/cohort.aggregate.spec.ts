import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '@hub/kernel';
import { Cohort } from './cohort.aggregate.js';

const at = new Date('2027-01-11T04:00:00Z');
const open = (capacity = 2) =>
  Cohort.open({
    id: '01900000-0000-7000-8000-000000000001',
    serviceId: 'svc',
    serviceDirection: 'acceleration',
    title: 'Winter',
    town: { katoCode: '711000000', name: 'Astana' },
    startsOn: '2027-01-11',
    endsOn: '2027-04-02',
    capacity,
    at,
  });
let n = 0;
const contracted = (o: Record<string, unknown> = {}) => ({
  id: `app-${++n}`,
  status: 'contracted',
  serviceId: 'svc',
  recipientKind: 'individual' as const,
  recipientId: '900101300123',
  contractId: `contract-${n}`,
  contractSignedOn: '2026-12-20',
  ...o,
});
const enrol = (c: Cohort, application = contracted(), enrolledOn = '2027-01-11') =>
  c.enrol({ enrolmentId: `e-${++n}`, application, personIin: '900101300123', enrolledOn, at });

describe('F-44: cohorts of an acceleration programme with a number of places', () => {
  it('is opened for acceleration only', () => {
    expect(() => Cohort.open({ ...open(), serviceDirection: 'consultation', id: 'x', at })).toThrow(RuleViolationError);
  });
  it('takes no more people than its places; a person leaving frees one', () => {
    const c = open(2);
    enrol(c);
    const second = enrol(c);
    expect(() => enrol(c)).toThrow(/F-44|full/);
    second.expel('own-request', 'moved', '2027-02-01', at);
    c.releasePlace();
    expect(() => enrol(c)).not.toThrow();
    expect(c.enrolledCount).toBe(2);
  });
  it('enrols only inside the cohort’s dates', () => {
    expect(() => enrol(open(), contracted(), '2027-04-03')).toThrow(/inside the cohort/);
    expect(() => enrol(open(), contracted(), '2027-01-10')).toThrow(/inside the cohort/);
  });
});

describe('F-55: enrolment under a signed service contract', () => {
  it('refuses an application that is not contracted, or is for another service', () => {
    expect(() => enrol(open(), contracted({ status: 'approved', contractId: null, contractSignedOn: null }))).toThrow(/signed service contract/);
    expect(() => enrol(open(), contracted({ serviceId: 'other' }))).toThrow(/another service/);
  });
  it('records the enrolment with the town and dates housing needs (F-59), then completion once', () => {
    const e = enrol(open());
    expect(e.pullEvents()).toMatchObject([{ name: 'EnrolmentMade', town: { katoCode: '711000000' }, cohortEndsOn: '2027-04-02', personIin: '900101300123' }]);
    expect(e.complete('2027-04-02', at)).toBe(true);
    expect(e.complete('2027-04-02', at)).toBe(false);
    expect(e.pullEvents().map((x) => x.name)).toEqual(['CompletionMade']);
  });
});
