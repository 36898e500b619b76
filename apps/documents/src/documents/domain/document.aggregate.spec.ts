import { describe, expect, it } from 'vitest';
import { retentionEnded } from './rules/retention.rule.js';
import { IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import { Document } from './document.aggregate.js';
import { type DocumentKind, retainUntil } from './document-kind.js';
import { mayActFor, mayRead } from './rules/document-access.rule.js';

const at = new Date('2026-11-16T04:00:00Z');
const taxCertificate: DocumentKind = {
  code: 'tax-debt-certificate',
  title: 'Tax',
  rule: 'F-9(2)',
  restricted: false,
  issued: false,
  issuers: [],
  owner: 'company',
  handlers: [],
  uploaders: [],
  readers: [],
  maxBytes: 1000,
  types: ['pdf', 'png'],
  retention: [{ from: '2025-01-01', years: 5 }],
};
const certificate: DocumentKind = {
  code: 'participant-certificate',
  title: 'Cert',
  rule: 'F-18',
  restricted: false,
  issued: true,
  issuers: ['hub-registration'],
  owner: 'company',
  handlers: [],
  uploaders: [],
  readers: [],
  maxBytes: 1000,
  types: ['pdf'],
  retention: [{ from: '2025-01-01', years: 75 }],
};
const sha = 'a'.repeat(64);

const start = (o: Partial<Parameters<typeof Document.startUpload>[0]> = {}) =>
  Document.startUpload({
    id: 'd1',
    ownerBin: '190140020101',
    kind: taxCertificate,
    declaredName: 'tax.pdf',
    declaredSize: 500,
    by: 'rep',
    at,
    uploadExpiresAt: at,
    ...o,
  });

describe('Document (ADR 0045)', () => {
  it('F-9(2): the declared name must name a type the kind accepts, the declared size its limit', () => {
    expect(() => start({ declaredName: 'tax.docx' })).toThrow(ValidationError);
    expect(() => start({ declaredName: '../etc/passwd.pdf' })).toThrow(ValidationError);
    expect(() => start({ declaredSize: 1001 })).toThrow(ValidationError);
    expect(() => start({ kind: certificate })).toThrow(RuleViolationError);
    expect(start().status).toBe('awaiting-upload');
  });

  it('verified → attached is immutable: attaching elsewhere is illegal, the same target a no-op', () => {
    const d = start();
    d.markVerified({ size: 500, sha256: sha, mediaType: 'application/pdf' }, taxCertificate, '2026-11-16', at);
    d.attach('registration/application/1', at);
    d.attach('registration/application/1', at);
    expect(() => d.attach('registration/application/2', at)).toThrow(IllegalStateError);
    expect(() => d.markRejected('late', at)).toThrow(IllegalStateError);
    expect(d.pullEvents().map((e) => e.name)).toEqual(['DocumentUploadStarted', 'DocumentVerified', 'DocumentAttached']);
  });

  it('a correction is a new version of the same series; only of the same company and kind', () => {
    const v1 = start();
    v1.markVerified({ size: 500, sha256: sha, mediaType: 'application/pdf' }, taxCertificate, '2026-11-16', at);
    const v2 = start({ id: 'd2', previous: v1 });
    expect([v2.seriesId, v2.versionNo, v2.supersedesId]).toEqual(['d1', 2, 'd1']);
    expect(() => start({ id: 'd3', ownerBin: '190140020202', previous: v1 })).toThrow(ValidationError);
    expect(() => start({ id: 'd4', previous: start({ id: 'pending' }) })).toThrow(IllegalStateError);
  });

  it('retention is the period in force on the day of verification (effective-dated)', () => {
    const kind: DocumentKind = {
      ...taxCertificate,
      retention: [
        { from: '2025-01-01', years: 5 },
        { from: '2027-01-01', years: 7 },
      ],
    };
    expect(retainUntil(kind, '2026-11-16')).toBe('2031-11-15');
    expect(retainUntil(kind, '2027-03-01')).toBe('2034-02-28');
    expect(() => retainUntil(kind, '2024-12-31')).toThrow();
  });

  it('F-35 / F-42: the company and participant-file readers; restricted kinds the company and fund officers only', () => {
    const open = { ownerBin: '190140020101', restricted: false };
    const restricted = { ...open, restricted: true };
    const rep = { subject: 'r', roles: ['applicant'] as const, companies: ['190140020101'] };
    const other = { subject: 'o', roles: ['applicant'] as const, companies: ['190140020202'] };
    const finance = { subject: 'f', roles: ['finance-officer'] as const, companies: [] };
    const officer = { subject: 'fo', roles: ['fund-officer'] as const, companies: [] };
    const housing = { subject: 'h', roles: ['housing-manager'] as const, companies: [] };
    expect([rep, other, finance, officer, housing].map((a) => mayRead(a, open))).toEqual([true, false, true, true, false]);
    expect([rep, other, finance, officer, housing].map((a) => mayRead(a, restricted))).toEqual([true, false, false, true, false]);
  });

  it("ADR 0110: a kind the Fund owns is handled by the roles it names and fund officers; the Fund's BIN in a token gives nothing", () => {
    const fundBin = '000000000001';
    const act = { ownerBin: fundBin, restricted: true };
    const dwellingAct = { owner: 'fund', handlers: ['housing-manager'] } as const;
    const claimsFund = { subject: 'r', roles: ['applicant'] as const, companies: [fundBin] };
    const finance = { subject: 'f', roles: ['finance-officer'] as const, companies: [] };
    const officer = { subject: 'fo', roles: ['fund-officer'] as const, companies: [] };
    const housing = { subject: 'h', roles: ['housing-manager'] as const, companies: [] };
    expect([claimsFund, finance, officer, housing].map((a) => mayRead(a, act, dwellingAct))).toEqual([false, false, true, true]);
    expect([claimsFund, finance, officer, housing].map((a) => mayActFor(a, fundBin, dwellingAct))).toEqual([false, false, true, true]);
    // the housing manager handles its kind only: a company's documents stay out of reach (F-35)
    expect(mayRead(housing, { ownerBin: '190140020101', restricted: false })).toBe(false);
    expect(mayActFor(housing, '190140020101')).toBe(false);
  });

  it("ADR 0113 (C-19, C-20): an office's protocol — uploaded by the secretary, read by the organiser and members; not by the Fund's staff, a company or the institute", () => {
    const protocolKind: DocumentKind = {
      ...taxCertificate,
      code: 'cluster-commission-protocol',
      rule: 'C-19, C-20',
      owner: 'office',
      office: 'cluster-commission',
      uploaders: ['cluster-commission-secretary'],
      readers: ['cluster-organiser', 'cluster-commission-member'],
    };
    const protocol = { ownerBin: null, restricted: false };
    const actor = (role: string) => ({ subject: role, roles: [role] as never, companies: ['190140020101'] });
    const [secretary, organiser, member, expert, officer, applicant, auditor] = [
      'cluster-commission-secretary',
      'cluster-organiser',
      'cluster-commission-member',
      'cluster-expert',
      'fund-officer',
      'applicant',
      'auditor',
    ].map(actor);
    const all = [secretary, organiser, member, expert, officer, applicant, auditor] as const;
    expect(all.map((a) => mayRead(a!, protocol, protocolKind))).toEqual([true, true, true, false, false, false, false]);
    expect(all.map((a) => mayActFor(a!, null, protocolKind))).toEqual([true, false, false, false, false, false, false]);
    // the secretary's role gives nothing over a company's documents (F-35)
    expect(mayRead(secretary!, { ownerBin: '190140020101', restricted: false })).toBe(false);

    const d = start({ kind: protocolKind, ownerBin: { office: 'cluster-commission' }, declaredName: 'protocol.pdf' });
    expect([d.ownerBin, d.ownerOffice, d.objectKey, d.owner]).toEqual([
      null,
      'cluster-commission',
      'documents/office/cluster-commission/d1',
      'office:cluster-commission',
    ]);
    // an office kind is never owned by a BIN, nor by another office
    expect(() => start({ kind: protocolKind, ownerBin: '190140020101', declaredName: 'protocol.pdf' })).toThrow(/office/);
    expect(() => start({ kind: protocolKind, ownerBin: { office: 'cluster-institute' }, declaredName: 'protocol.pdf' })).toThrow(/office/);
  });
});

describe('ADR 0045: the records schedule', () => {
  it('retentionEnded: kept through retainUntil inclusive, purgeable from the day after; no retention date → never', () => {
    expect(retentionEnded('2031-03-01', '2031-03-01')).toBe(false);
    expect(retentionEnded('2031-03-01', '2031-03-02')).toBe(true);
    expect(retentionEnded(null, '2099-01-01')).toBe(false);
  });
});

describe('ADR 0045: purging a document whose retention ended', () => {
  const verified = () => {
    const d = start();
    d.markVerified({ size: 500, sha256: sha, mediaType: 'application/pdf' }, taxCertificate, '2026-11-16', at);
    d.pullEvents();
    return d;
  };

  it('the day after retainUntil: purged, hash and size kept, DocumentPurged recorded; a second purge is a no-op', () => {
    const d = verified();
    expect(d.retainUntil).toBe('2031-11-15');
    const later = new Date('2031-11-15T19:00:00Z');
    d.purge('2031-11-16', later);
    expect(d).toMatchObject({ status: 'purged', purgedAt: later, sha256: sha, size: 500, downloadable: false });
    d.purge('2031-11-17', later);
    expect(d.pullEvents().map((e) => [e.name, (e as { retainUntil?: string }).retainUntil])).toEqual([['DocumentPurged', '2031-11-15']]);
  });

  it('on the last day of the retention purging is refused; a document that never had bytes cannot be purged', () => {
    expect(() => verified().purge('2031-11-15', at)).toThrow(RuleViolationError);
    expect(() => start().purge('2099-01-01', at)).toThrow(IllegalStateError);
  });
});
