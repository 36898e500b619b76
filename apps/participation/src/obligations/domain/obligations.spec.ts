import { describe, expect, it } from 'vitest';
import { IllegalStateError, tiyn } from '@hub/kernel';
import { AuditObligation, auditOwed } from './audit-obligation.aggregate.js';
import { CorporateNotice } from './corporate-notice.js';
import { InformationRequest } from './information-request.aggregate.js';

const now = new Date('2026-04-10T04:00:00Z');
const file = { fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) };

describe('counter-obligations (F-32 … F-34, F-38)', () => {
  it('F-32, F-38: a request is answered, or overdue and then answered late', () => {
    const active = { id: 'p1', bin: '190540000011', status: 'active', isActive: () => true };
    const r = InformationRequest.open(
      { id: 'i1', participation: active, kind: 'tax-declarations', description: 'FNO 100', requestedOn: '2026-03-02', requestedBy: 'o', dueDate: '2026-03-17' },
      now,
    );
    expect(r.markOverdue(now)).toBe(true);
    r.answer('2026-03-20', 'sorry', [file], now);
    expect(r.status).toBe('answered-late');
    expect(() => r.answer('2026-03-21', '', [file], now)).toThrow(IllegalStateError);
    expect(r.pullEvents().map((e) => e.name)).toEqual(['InformationRequested', 'InformationRequestBecameOverdue', 'InformationRequestAnswered']);
  });

  it('F-33: the audit is owed only when annual income is above the threshold', () => {
    const threshold = tiyn(10_000_000_000); // 100 000 000.00 KZT (ADR 0036: tiyn)
    expect(auditOwed(tiyn(10_000_000_000), threshold)).toBe(false);
    expect(auditOwed(tiyn(10_000_000_001), threshold)).toBe(true); // one tiyn above
    const a = AuditObligation.derive(
      {
        id: 'a1',
        participationId: 'p1',
        bin: '190540000011',
        financialYear: 2026,
        declaredIncomeTiyn: tiyn(15_000_000_000),
        thresholdTiyn: threshold,
        dueDate: '2027-07-01',
      },
      now,
    );
    a.submit('2027-06-01', file, now);
    expect(a.status).toBe('submitted');
  });

  it('F-34: a notice filed within 10 WD is on time, a later one is recorded as late', () => {
    const base = {
      id: 'n1',
      participationId: 'p1',
      bin: '190540000011',
      kind: 'liquidation' as const,
      eventDate: '2026-03-02',
      dueDate: '2026-03-17',
      description: '',
      copies: [file],
    };
    expect(CorporateNotice.file({ ...base, filedOn: '2026-03-17' }, now).onTime).toBe(true);
    expect(CorporateNotice.file({ ...base, filedOn: '2026-03-18' }, now).onTime).toBe(false);
  });

  it('F-34: a notice of an event that has not happened yet is refused', () => {
    const base = {
      id: 'n1',
      participationId: 'p1',
      bin: '190540000011',
      kind: 'liquidation' as const,
      eventDate: '2026-03-20',
      dueDate: '2026-04-03',
      description: '',
      copies: [file],
    };
    expect(() => CorporateNotice.file({ ...base, filedOn: '2026-03-19' }, now)).toThrow(/future/);
  });

  it('F-32, F-38: a participation that has ended is not asked for documents any more', () => {
    const ended = { id: 'p1', bin: '190540000011', status: 'ended', isActive: () => false };
    expect(() =>
      InformationRequest.open(
        {
          id: 'i2',
          participation: ended,
          kind: 'tax-declarations',
          description: 'FNO 100',
          requestedOn: '2027-03-02',
          requestedBy: 'o',
          dueDate: '2027-03-17',
        },
        now,
      ),
    ).toThrow(IllegalStateError);
  });
});
