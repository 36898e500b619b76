import { describe, expect, it } from 'vitest';
import {
  CohortCompletionMadeV1,
  CohortCompletionMadeV2,
  CohortEnrolmentMadeV1,
  CohortEnrolmentMadeV2,
  CohortExpulsionMadeV1,
  CohortExpulsionMadeV2,
  servicesEvents,
} from './events.js';

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
    for (const e of [
      CohortEnrolmentMadeV1,
      CohortExpulsionMadeV1,
      CohortCompletionMadeV1,
      CohortEnrolmentMadeV2,
      CohortExpulsionMadeV2,
      CohortCompletionMadeV2,
    ]) {
      expect(names.filter((n) => n === e.fullName)).toHaveLength(1);
      expect(e.topic).toBe('hub.services.events.v1');
    }
  });

  it('ADR 0123 (ASVS, F-42): v2 names the person by the 43-character blind index — an IIN in personRef or beside it is refused', () => {
    const { personIin: _, ...v2person } = { ...person, personRef: 'q9T3m0b6G1lX7sVw2cZr8yKpN4eH5uJ0aD-fBi_LoQs' };
    const enrolment = {
      ...v2person,
      contractId: '018f0000-0000-7000-8000-000000000004',
      town: { katoCode: '711000000', name: 'Astana' },
      cohortStartsOn: '2027-02-01',
      cohortEndsOn: '2027-05-31',
      enrolledOn: '2027-01-25',
    };
    expect(CohortEnrolmentMadeV2.payload.safeParse(enrolment).success).toBe(true);
    expect(CohortEnrolmentMadeV2.payload.safeParse({ ...enrolment, personRef: '900101300123' }).success).toBe(false);
    expect(CohortEnrolmentMadeV2.payload.strict().safeParse({ ...enrolment, personIin: '900101300123' }).success).toBe(false);
    expect(CohortExpulsionMadeV2.payload.safeParse({ ...v2person, ground: 'own-request', expelledOn: '2027-03-03' }).success).toBe(true);
    expect(CohortCompletionMadeV2.payload.safeParse({ ...v2person, completedOn: '2027-05-31' }).success).toBe(true);
    expect(CohortCompletionMadeV2.payload.safeParse({ ...person, completedOn: '2027-05-31' }).success).toBe(false); // a v1 body is not a v2 one
  });
});
