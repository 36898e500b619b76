import { describe, expect, it } from 'vitest';
import { CohortCompletionMadeV1, CohortEnrolmentMadeV1, CohortExpulsionMadeV1, servicesEvents } from './events.js';

const person = {
  enrolmentId: '018f0000-0000-7000-8000-000000000001',
  cohortId: '018f0000-0000-7000-8000-000000000002',
  serviceId: '018f0000-0000-7000-8000-000000000003',
  recipientKind: 'legal-entity',
  recipientId: '123456789012',
  personIin: '900101300123',
};

describe('services cohort events: the facts housing builds F-59 … F-62 on', () => {
  it('F-59: an enrolment names the cohort’s town by its 9-digit KATO code and the cohort’s dates', () => {
    const payload = {
      ...person,
      contractId: '018f0000-0000-7000-8000-000000000004',
      town: { katoCode: '711000000', name: 'Astana' },
      cohortStartsOn: '2027-02-01',
      cohortEndsOn: '2027-05-31',
      enrolledOn: '2027-01-25',
    };
    expect(CohortEnrolmentMadeV1.payload.safeParse(payload).success).toBe(true);
    const badTown = CohortEnrolmentMadeV1.payload.safeParse({ ...payload, town: { katoCode: '7110', name: 'Astana' } });
    expect(badTown.success).toBe(false);
    expect(badTown.error?.issues[0]?.path).toEqual(['town', 'katoCode']);
    expect(CohortEnrolmentMadeV1.payload.safeParse({ ...payload, cohortEndsOn: '2027-02-30' }).success).toBe(false);
  });

  it('F-61: an expulsion carries one of the published grounds and its date; a made-up ground is refused', () => {
    expect(CohortExpulsionMadeV1.payload.safeParse({ ...person, ground: 'own-request', expelledOn: '2027-03-03' }).success).toBe(true);
    expect(CohortExpulsionMadeV1.payload.safeParse({ ...person, ground: 'bad-luck', expelledOn: '2027-03-03' }).success).toBe(false);
  });

  it('F-42: the person is named by a 12-digit IIN only — a name or an 11-digit number is refused', () => {
    expect(CohortCompletionMadeV1.payload.safeParse({ ...person, completedOn: '2027-05-31' }).success).toBe(true);
    expect(CohortCompletionMadeV1.payload.safeParse({ ...person, personIin: '90010130012', completedOn: '2027-05-31' }).success).toBe(false);
    const withName = CohortCompletionMadeV1.payload.strict().safeParse({ ...person, personName: 'A. B.', completedOn: '2027-05-31' });
    expect(withName.success).toBe(false);
  });

  it('the three cohort events are in the services registry, each once, on the services topic', () => {
    const names = servicesEvents.map((e) => e.fullName);
    for (const e of [CohortEnrolmentMadeV1, CohortExpulsionMadeV1, CohortCompletionMadeV1]) {
      expect(names.filter((n) => n === e.fullName)).toHaveLength(1);
      expect(e.topic).toBe('hub.services.events.v1');
    }
  });
});
