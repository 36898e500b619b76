import { describe, expect, it } from 'vitest';
import { IllegalStateError, ValidationError, tiyn } from '@hub/kernel';
import { AuditObligation, auditOwed } from './audit-obligation.aggregate.js';
import { CorporateNotice } from './corporate-notice.js';
import { InformationRequest } from './information-request.aggregate.js';
import { answerDocuments, auditOpinionDocument, decisionCopies } from './rules/obligation-documents.rule.js';

const now = new Date('2026-04-10T04:00:00Z');
const file = { fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) };
const doc = '0194f3a0-0000-7000-8000-0000000000d1';
const doc2 = '0194f3a0-0000-7000-8000-0000000000d2';

describe('counter-obligations (F-32 … F-34, F-38)', () => {
  it('F-32, F-38: a request is answered, or overdue and then answered late', () => {
    const active = { id: 'p1', bin: '190540000011', status: 'active', isActive: () => true };
    const r = InformationRequest.open(
      { id: 'i1', participation: active, kind: 'tax-declarations', description: 'FNO 100', requestedOn: '2026-03-02', requestedBy: 'o', dueDate: '2026-03-17' },
      now,
    );
    expect(r.markOverdue(now)).toBe(true);
    r.answer('2026-03-20', 'sorry', { documentIds: [], attachments: [file] }, now);
    expect(r.status).toBe('answered-late');
    expect(() => r.answer('2026-03-21', '', { documentIds: [doc], attachments: [] }, now)).toThrow(IllegalStateError);
    expect(r.pullEvents().map((e) => e.name)).toEqual(['InformationRequested', 'InformationRequestBecameOverdue', 'InformationRequestAnswered']);
  });

  it('F-32, F-38 (issue #10): an answer by document ids keeps them and carries them in its event; an answer without any document is refused', () => {
    const active = { id: 'p1', bin: '190540000011', status: 'active', isActive: () => true };
    const open = (kind: 'additional-documents' | 'audit-report') =>
      InformationRequest.open(
        { id: 'i3', participation: active, kind, description: 'x', requestedOn: '2026-03-02', requestedBy: 'o', dueDate: '2026-03-17' },
        now,
      );
    const r = open('additional-documents');
    expect(() => r.answer('2026-03-03', '', { documentIds: [], attachments: [] }, now)).toThrow(ValidationError);
    r.answer('2026-03-03', 'here', { documentIds: [doc], attachments: [] }, now);
    expect(r).toMatchObject({ status: 'answered', documentIds: [doc], attachments: [] });
    expect(r.ruleId).toBe('F-38');
    expect(r.pullEvents().at(-1)).toMatchObject({ name: 'InformationRequestAnswered', documentIds: [doc], answeredOn: '2026-03-03', late: false });
    expect(open('audit-report').ruleId).toBe('F-33');
  });

  it('issue #10: the kinds each obligation accepts — request-answer (and the audit opinion itself for an audit request), audit-opinion, decision-copy', () => {
    expect(answerDocuments('tax-declarations', [doc, doc2])).toEqual([
      { path: 'documentIds.0', documentId: doc, kind: ['request-answer'], ruleId: 'F-32' },
      { path: 'documentIds.1', documentId: doc2, kind: ['request-answer'], ruleId: 'F-32' },
    ]);
    expect(answerDocuments('additional-documents', [doc])[0]).toMatchObject({ kind: ['request-answer'], ruleId: 'F-38' });
    expect(answerDocuments('audit-report', [doc])[0]).toMatchObject({ kind: ['request-answer', 'audit-opinion'], ruleId: 'F-33' });
    expect(answerDocuments('audit-opinion', [doc])[0]).toMatchObject({ kind: ['request-answer', 'audit-opinion'], ruleId: 'F-32' });
    expect(auditOpinionDocument(doc)).toEqual({ path: 'documentId', documentId: doc, kind: ['audit-opinion'], ruleId: 'F-33' });
    expect(decisionCopies([doc])).toEqual([{ path: 'documentIds.0', documentId: doc, kind: ['decision-copy'], ruleId: 'F-34' }]);
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
    expect(() => a.submit('2027-06-01', { documentId: null, metadata: null }, now)).toThrow(ValidationError);
    a.submit('2027-06-01', { documentId: doc, metadata: null }, now);
    expect(a).toMatchObject({ status: 'submitted', opinionDocumentId: doc, opinion: null });
    expect(a.pullEvents().at(-1)).toMatchObject({ name: 'AuditOpinionSubmitted', documentIds: [doc], submittedOn: '2027-06-01' });
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
      documentIds: [],
    };
    expect(CorporateNotice.file({ ...base, filedOn: '2026-03-17' }, now).onTime).toBe(true);
    expect(CorporateNotice.file({ ...base, copies: [], documentIds: [doc], filedOn: '2026-03-17' }, now).documentIds).toEqual([doc]);
    expect(() => CorporateNotice.file({ ...base, copies: [], filedOn: '2026-03-17' }, now)).toThrow(/copies of the decision are required/);
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
      documentIds: [],
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
