import { describe, expect, it } from 'vitest';
import { ForbiddenError, IllegalStateError, RuleViolationError } from '@hub/kernel';
import { Allocation } from './allocation.aggregate.js';

const at = new Date('2026-11-16T04:00:00Z');
const offer = () =>
  Allocation.offer({
    id: '0194f3a0-0000-7000-8000-0000000000a1',
    caseId: '0194f3a0-0000-7000-8000-0000000000c1',
    enrolmentId: '0194f3a0-0000-7000-8000-0000000000e1',
    personSubject: 'person-1',
    unitId: '0194f3a0-0000-7000-8000-0000000000b1',
    buildingId: '0194f3a0-0000-7000-8000-0000000000b0',
    townKatoCode: '711210000',
    bed: '1/a',
    startsOn: '2026-11-16',
    acceptBy: '2026-11-19',
    at,
  });
const checkInAct = {
  signedOn: '2026-11-17',
  signedBy: 'manager',
  condition: 'Clean',
  inventory: [{ item: 'desk', expected: 1, found: 1 }],
  meterReadings: [{ meter: 'E-1', reading: '10.5' }],
};

describe('Allocation (offer → contract → check-in → vacating → released)', () => {
  it('F-60: only the person offered accepts, by the deadline, with the duty accepted', () => {
    const a = offer();
    expect(() => a.accept({ personSubject: 'other', acceptsDuties: true, today: '2026-11-16', cohortEndsOn: '2027-06-30', at })).toThrow(ForbiddenError);
    expect(() => a.accept({ personSubject: 'person-1', acceptsDuties: true, today: '2026-11-20', cohortEndsOn: '2027-06-30', at })).toThrow(IllegalStateError);
    expect(() => a.accept({ personSubject: 'person-1', acceptsDuties: false, today: '2026-11-16', cohortEndsOn: '2027-06-30', at })).toThrow(
      RuleViolationError,
    );
    a.accept({ personSubject: 'person-1', acceptsDuties: true, today: '2026-11-19', cohortEndsOn: '2027-06-30', at });
    expect([a.status, a.contractEndsOn]).toEqual(['contracted', '2027-06-30']);
  });

  it('F-62: a lapse ends only an open offer (a timer after the answer does nothing)', () => {
    const a = offer();
    expect(a.lapse(at)).toBe(true);
    expect(a.status).toBe('lapsed');
    expect(a.lapse(at)).toBe(false);
  });

  it('F-61: leaving acceleration starts the vacate deadline of an occupied dwelling; overdue once; the act releases the bed and records the damages', () => {
    const a = offer();
    a.accept({ personSubject: 'person-1', acceptsDuties: true, today: '2026-11-16', cohortEndsOn: '2027-06-30', at });
    a.checkIn(checkInAct, at);
    a.pullEvents();
    expect(a.personLeft('expulsion', '2026-12-15', '2026-12-18', at)).toBe('vacating');
    expect(a.markVacateOverdue(at)).toBe(true);
    expect(a.markVacateOverdue(at)).toBe(false);
    a.handOver(
      {
        ...checkInAct,
        signedOn: '2026-12-21',
        inventory: [{ item: 'desk', expected: 1, found: 0 }],
        damages: [{ description: 'Desk missing', amountTiyn: 2_500_000 }],
      },
      at,
    );
    expect([a.status, a.releasedOn]).toEqual(['released', '2026-12-21']);
    expect(a.pullEvents().map((e) => e.name)).toEqual(['VacateDeadlineStarted', 'VacateBecameOverdue', 'ActSigned', 'PlaceReleased']);
  });

  it('F-61: leaving acceleration with an open offer cancels it', () => {
    const a = offer();
    expect(a.personLeft('expulsion', '2026-11-16', '2026-11-18', at)).toBe('cancelled');
    expect(a.status).toBe('cancelled');
  });
});
