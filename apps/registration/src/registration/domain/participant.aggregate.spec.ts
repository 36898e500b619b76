import { describe, expect, it } from 'vitest';
import { Participant } from './participant.aggregate.js';

const at = new Date('2026-11-16T04:00:00Z');
const participant = () =>
  Participant.register({
    id: '018f0000-0000-7000-8000-0000000000e1',
    applicationId: '018f0000-0000-7000-8000-0000000000e2',
    bin: '180440000113',
    companyName: 'Life LLP',
    address: 'Astana',
    activityTypes: [{ code: 'PH-01', name: 'Software', works: ['x'] }],
    contractNumber: 'SC-1',
    contractSignedOn: '2026-11-16',
    termStart: '2026-11-16',
    termEnd: '2027-11-15',
    certificateNumber: 'AH-2026-00001',
    certificateDueDate: '2026-11-19',
    at,
  });

describe('Participant: the registry follows the participation (F-19, F-25, F-27, F-28)', () => {
  it('F-19, F-27: active through the last day of the term, expired the day after', () => {
    const p = participant();
    expect(p.statusOn('2027-11-15')).toBe('active');
    expect(p.statusOn('2027-11-16')).toBe('expired');
    expect(p.isActiveOn('2027-11-16')).toBe(false);
  });

  it('F-28: an early termination makes it terminated from its day (ground category kept, no detail); the first end stays', () => {
    const p = participant();
    expect(p.ended({ kind: 'early', ground: 'contract-breach', groundNumber: 7, endedOn: '2026-12-01' }, at)).toBe(true);
    expect(p.statusOn('2026-11-30')).toBe('active');
    expect(p.statusOn('2026-12-01')).toBe('terminated');
    expect(p.statusOn('2028-01-01')).toBe('terminated');
    expect(p.ended({ kind: 'planned', ground: 'term-expired', groundNumber: null, endedOn: '2027-11-15' }, at)).toBe(false);
    expect(p.end).toEqual({ kind: 'early', ground: 'contract-breach', groundNumber: 7, endedOn: '2026-12-01' });
  });

  it('F-25, Annex 3: an approved extension moves the validity to the new end under its own number; the same extension twice changes nothing', () => {
    const p = participant();
    const e = {
      extensionId: 'x1',
      previousTermEnd: '2027-11-15',
      newTermEnd: '2028-11-15',
      certificateNumber: 'EXT-AH-2026-00001-20281115',
      issuedOn: '2027-10-20',
    };
    expect(p.extended(e, at)).toBe(true);
    expect(p.extended(e, at)).toBe(false);
    expect(p.validTo).toBe('2028-11-15');
    expect(p.extensions).toEqual([
      { extensionId: 'x1', certificateNumber: 'EXT-AH-2026-00001-20281115', issuedOn: '2027-10-20', validFrom: '2027-11-16', validTo: '2028-11-15' },
    ]);
    expect(p.statusOn('2027-11-16')).toBe('active');
    expect(p.statusOn('2028-11-16')).toBe('expired');
  });

  it('F-25, F-27: a refused in-time extension ends as planned on the original end, even when published later', () => {
    const p = participant();
    p.ended({ kind: 'planned', ground: 'term-expired', groundNumber: null, endedOn: '2027-11-15' }, at);
    expect(p.statusOn('2027-11-15')).toBe('active');
    expect(p.statusOn('2027-11-20')).toBe('expired');
  });
});
