import { describe, expect, it } from 'vitest';
import { ValidationError } from '@hub/kernel';
import { HousingParticipant } from './participant.aggregate.js';

const at = new Date('2026-11-16T04:00:00Z');
const join = (termStart = '2026-11-16', termEnd = '2029-11-15') =>
  HousingParticipant.join({
    participantId: '0194f3a0-0000-7000-8000-0000000000aa',
    bin: '180440000019',
    companyName: 'Test Tech LLP',
    termStart,
    termEnd,
    at,
  });

describe('HousingParticipant (the local copy of a Hub participant)', () => {
  it('joins with its term and records ParticipantJoined', () => {
    const p = join();
    expect(p.pullEvents()).toEqual([
      { name: 'ParticipantJoined', aggregateId: p.participantId, occurredAt: at, bin: '180440000019', termStart: '2026-11-16', termEnd: '2029-11-15' },
    ]);
  });

  it('is a participant from the first to the last day of its term, inclusive', () => {
    const p = join();
    expect([p.isParticipantOn('2026-11-15'), p.isParticipantOn('2026-11-16'), p.isParticipantOn('2029-11-15'), p.isParticipantOn('2029-11-16')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('refuses a term that ends before it starts (the consumer dead-letters such an event)', () => {
    expect(() => join('2026-11-16', '2026-11-15')).toThrow(ValidationError);
  });
});
