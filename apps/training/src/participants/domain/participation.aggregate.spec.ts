import { describe, expect, it } from 'vitest';
import { TrainingParticipation } from './participation.aggregate.js';

const at = new Date('2026-11-16T04:00:00Z');
const started = () =>
  TrainingParticipation.started({
    participationId: '01900000-0000-7000-8000-000000000001',
    participantId: '01900000-0000-7000-8000-000000000002',
    bin: '190140020101',
    termStart: '2026-01-05',
    termEnd: '2028-12-31',
    at,
  });

describe('F-77: an active participant (the local read model of participation, ADR 0062)', () => {
  it('is active from termStart, not before', () => {
    expect(started().isActiveOn('2026-01-04')).toBe(false);
    expect(started().isActiveOn('2026-01-05')).toBe(true);
  });
  it('a termination ends it from endedOn (the day itself not active); the same end twice records once', () => {
    const p = started();
    p.ended('2026-12-01', 'voluntary-withdrawal', at);
    p.ended('2026-12-01', 'voluntary-withdrawal', at);
    expect(p.isActiveOn('2026-11-30')).toBe(true);
    expect(p.isActiveOn('2026-12-01')).toBe(false);
    expect(p.pullEvents().filter((e) => e.name === 'ParticipationEndRecorded')).toHaveLength(1);
  });
});
