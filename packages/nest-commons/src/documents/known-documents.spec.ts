import { describe, expect, it } from 'vitest';
import { officeDocumentReferenceIssues } from './known-documents.js';

// ADR 0113: a command's reference to an office's document (the cluster selection's C-2, C-13 … C-20).
describe('officeDocumentReferenceIssues (ADR 0113)', () => {
  const known = new Map([
    ['letter', { office: 'cluster-organiser', kind: 'cluster-organiser-letter', attachedTo: null }],
    ['used', { office: 'cluster-organiser', kind: 'cluster-organiser-letter', attachedTo: 'clusters/institute-transfer/r1' }],
    ['opinions', { office: 'cluster-institute', kind: 'cluster-institute-opinions', attachedTo: null }],
  ]);
  const ref = (documentId: string) => ({ path: 'documentId', documentId, kind: 'cluster-organiser-letter', office: 'cluster-organiser', ruleId: 'C-18' });
  const codes = (documentId: string, target = 'clusters/opinions-to-commission/r1') =>
    officeDocumentReferenceIssues([ref(documentId)], known, target).map((i) => [i.path, i.code]);

  it('accepts the office’s verified document of the kind; names documentId otherwise', () => {
    expect(codes('letter')).toEqual([]);
    expect(codes('missing')).toEqual([['documentId', 'document-unknown']]);
    // another office's document is not disclosed as such
    expect(codes('opinions')).toEqual([['documentId', 'document-unknown']]);
    expect(codes('used')).toEqual([['documentId', 'document-attached-elsewhere']]);
    // the same step again (its own target) is a repeat, not a conflict
    expect(codes('used', 'clusters/institute-transfer/r1')).toEqual([]);
  });

  it('a document of the office but of another kind is the wrong kind', () => {
    const order = new Map([['order', { office: 'cluster-organiser', kind: 'cluster-commission-order', attachedTo: null }]]);
    expect(officeDocumentReferenceIssues([ref('order')], order).map((i) => i.code)).toEqual(['document-wrong-kind']);
  });
});
