import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import { typeOfFileName } from '@hub/object-storage';
import { type DocumentKind, retainUntil } from './document-kind.js';
import { retentionEnded } from './rules/retention.rule.js';
import type { DocumentEvent } from './document.events.js';
import type { Mutable } from './mutable.js';

/**
 * awaiting-upload → verified → attached (immutable), or → rejected / expired (no bytes kept);
 * issued documents are born `issued` (immutable). Corrections are new versions (same series).
 * verified / attached / issued → purged once the retention has ended: the bytes are deleted, the
 * metadata and hash stay as the record that the document existed.
 */
export type DocumentStatus = 'awaiting-upload' | 'verified' | 'rejected' | 'expired' | 'attached' | 'issued' | 'purged';
export type DocumentOrigin = 'uploaded' | 'issued';

/** What the object store found in the bytes (ADR 0045: computed by the server, never the client's claim). */
export interface VerifiedContent {
  readonly size: number;
  readonly sha256: string;
  readonly mediaType: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A document of a company (ADR 0045): its kind (data/document-kinds.json), the file the company
 * uploaded or the Fund issued, and what the server verified about its bytes. Its bytes live in
 * object storage under `objectKey`; the row says whether they are verified, and from attachment
 * on nothing about them changes.
 */
export class Document extends AggregateRoot<DocumentEvent> {
  readonly id!: string;
  /** The owner company's (or the Fund's, ADR 0110) BIN; null for an office's document (ADR 0113). */
  readonly ownerBin!: string | null;
  /** ADR 0113: the office whose document this is (e.g. `cluster-commission`); null for a company's or the Fund's. */
  readonly ownerOffice!: string | null;
  readonly kind!: string;
  /** F-42-class (copied from the kind when created: the access a document had cannot change under it). */
  readonly restricted!: boolean;
  readonly origin!: DocumentOrigin;
  readonly status!: DocumentStatus;
  /** The versions of one document share a series; `versionNo` counts from 1. */
  readonly seriesId!: string;
  readonly versionNo!: number;
  readonly supersedesId!: string | null;
  readonly declaredName!: string;
  readonly declaredSize!: number;
  readonly objectKey!: string;
  readonly size!: number | null;
  readonly sha256!: string | null;
  readonly mediaType!: string | null;
  readonly rejection!: string | null;
  readonly attachedTo!: string | null;
  readonly attachedAt!: Date | null;
  /** Issued documents: the issuer's key (e.g. registration/certificate/AH-…), unique: issued once. */
  readonly issueKey!: string | null;
  readonly createdBy!: string;
  readonly createdAt!: Date;
  readonly verifiedAt!: Date | null;
  readonly uploadExpiresAt!: Date | null;
  readonly retainUntil!: IsoDate | null;
  /** When the bytes were deleted at the end of the retention (status purged). */
  readonly purgedAt!: Date | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<Document> {
    return this;
  }

  static objectKeyOf(ownerBin: string, id: string): string {
    return `documents/${ownerBin}/${id}`;
  }

  /** ADR 0113: an office's documents live apart from the companies' (a BIN is 12 digits, never `office`). */
  static officeObjectKeyOf(office: string, id: string): string {
    return `documents/office/${office}/${id}`;
  }

  /** Who owns it, for messages and logs: the BIN, or `office:<office>`. */
  get owner(): string {
    return this.ownerOffice !== null ? `office:${this.ownerOffice}` : (this.ownerBin ?? '');
  }

  /**
   * A company starts uploading a document of a kind: the declared name must name a type the kind
   * accepts and the declared size must be within its limit (checked again on the bytes).
   * `previous`: the version this one corrects (same company and kind; the previous one stays).
   */
  static startUpload(input: {
    id: string;
    /** A company's or the Fund's BIN; or, for a kind an office owns (ADR 0113), `{ office }`. */
    ownerBin: string | { readonly office: string };
    kind: DocumentKind;
    declaredName: string;
    declaredSize: number;
    by: string;
    at: Date;
    uploadExpiresAt: Date;
    previous?: Document;
  }): Document {
    const { kind } = input;
    if (kind.issued) throw new RuleViolationError(kind.rule, `a ${kind.code} is issued by the Fund, not uploaded`);
    const name = input.declaredName.trim();
    if (name.length === 0 || name.length > 255 || /[\\/\u0000-\u001f]/.test(name)) {
      throw ValidationError.field('fileName', 'a file name without path separators or control characters, up to 255 characters');
    }
    const type = typeOfFileName(name);
    if (!type || !kind.types.includes(type)) {
      throw ValidationError.field('fileName', `a ${kind.code} is accepted as ${kind.types.join(', ')}: the name must end in one of them`);
    }
    if (!Number.isInteger(input.declaredSize) || input.declaredSize < 1 || input.declaredSize > kind.maxBytes) {
      throw ValidationError.field('size', `between 1 and ${kind.maxBytes} bytes for a ${kind.code}`);
    }
    const office = typeof input.ownerBin === 'string' ? null : input.ownerBin.office;
    const ownerBin = typeof input.ownerBin === 'string' ? input.ownerBin : null;
    if ((kind.owner === 'office') !== (office !== null) || (office !== null && kind.office !== office))
      throw new Error(`a ${kind.code} is owned by ${kind.owner === 'office' ? `the office ${kind.office}` : 'a BIN'}`);
    const previous = input.previous;
    if (previous) {
      if (previous.ownerBin !== ownerBin || previous.ownerOffice !== office || previous.kind !== kind.code) {
        throw ValidationError.field('supersedes', 'a new version corrects a document of the same company and kind');
      }
      if (previous.status !== 'verified' && previous.status !== 'attached') {
        throw new IllegalStateError('document', previous.status, 'be corrected by a new version', 'only a verified or attached document has versions');
      }
    }
    const d = new Document();
    Object.assign(d, {
      id: input.id,
      ownerBin,
      ownerOffice: office,
      kind: kind.code,
      restricted: kind.restricted,
      origin: 'uploaded',
      status: 'awaiting-upload',
      seriesId: previous ? previous.seriesId : input.id,
      versionNo: previous ? previous.versionNo + 1 : 1,
      supersedesId: previous?.id ?? null,
      declaredName: name,
      declaredSize: input.declaredSize,
      objectKey: office !== null ? Document.officeObjectKeyOf(office, input.id) : Document.objectKeyOf(ownerBin!, input.id),
      size: null,
      sha256: null,
      mediaType: null,
      rejection: null,
      attachedTo: null,
      attachedAt: null,
      issueKey: null,
      createdBy: input.by,
      createdAt: input.at,
      verifiedAt: null,
      uploadExpiresAt: input.uploadExpiresAt,
      retainUntil: null,
      purgedAt: null,
      updatedAt: input.at,
    });
    d.record({
      name: 'DocumentUploadStarted',
      aggregateId: d.id,
      occurredAt: input.at,
      ownerBin: d.ownerBin,
      ownerOffice: d.ownerOffice,
      kind: d.kind,
      supersedesId: d.supersedesId,
    });
    return d;
  }

  /** The server verified the uploaded bytes; retention starts (the period in force on that day). */
  markVerified(content: VerifiedContent, kind: DocumentKind, on: IsoDate, at: Date): void {
    this.requireStatus('awaiting-upload', 'be verified');
    if (!SHA256.test(content.sha256)) throw new Error('sha256 must be 64 lower-case hex digits');
    Object.assign(this.m, {
      status: 'verified',
      size: content.size,
      sha256: content.sha256,
      mediaType: content.mediaType,
      verifiedAt: at,
      uploadExpiresAt: null,
      retainUntil: retainUntil(kind, on),
      updatedAt: at,
    });
    this.record({
      name: 'DocumentVerified',
      aggregateId: this.id,
      occurredAt: at,
      ownerBin: this.ownerBin,
      ownerOffice: this.ownerOffice,
      kind: this.kind,
      seriesId: this.seriesId,
      versionNo: this.versionNo,
      supersedesId: this.supersedesId,
      sha256: content.sha256,
      size: content.size,
      mediaType: content.mediaType,
    });
  }

  /** The bytes failed verification (and were deleted from the store): the document never exists. */
  markRejected(reason: string, at: Date): void {
    this.requireStatus('awaiting-upload', 'be rejected');
    Object.assign(this.m, { status: 'rejected', rejection: reason, uploadExpiresAt: null, updatedAt: at });
    this.record({
      name: 'DocumentRejected',
      aggregateId: this.id,
      occurredAt: at,
      ownerBin: this.ownerBin,
      ownerOffice: this.ownerOffice,
      kind: this.kind,
      reason,
    });
  }

  /** The upload was never completed in time (whatever reached the store was deleted). Idempotent. */
  markExpired(at: Date): void {
    if (this.status !== 'awaiting-upload') return;
    Object.assign(this.m, { status: 'expired', uploadExpiresAt: null, updatedAt: at });
    this.record({
      name: 'DocumentUploadExpired',
      aggregateId: this.id,
      occurredAt: at,
      ownerBin: this.ownerBin,
      ownerOffice: this.ownerOffice,
      kind: this.kind,
    });
  }

  /**
   * Attached to what it was uploaded for (e.g. `registration/application/<id>`): from now on the
   * document is immutable — a correction is a new version. Attaching again to the same thing is a no-op.
   */
  attach(to: string, at: Date): void {
    if (this.status === 'attached' && this.attachedTo === to) return;
    this.requireStatus('verified', 'be attached');
    Object.assign(this.m, { status: 'attached', attachedTo: to, attachedAt: at, updatedAt: at });
    this.record({
      name: 'DocumentAttached',
      aggregateId: this.id,
      occurredAt: at,
      ownerBin: this.ownerBin,
      ownerOffice: this.ownerOffice,
      kind: this.kind,
      attachedTo: to,
      sha256: this.sha256 ?? '',
    });
  }

  /** A document the Fund issued (rendered by a context), stored once with its hash. */
  static issue(input: {
    id: string;
    ownerBin: string;
    kind: DocumentKind;
    issueKey: string;
    fileName: string;
    content: VerifiedContent;
    by: string;
    on: IsoDate;
    at: Date;
  }): Document {
    const { kind } = input;
    if (!kind.issued) throw new RuleViolationError(kind.rule, `a ${kind.code} is uploaded by a company, not issued`);
    if (!SHA256.test(input.content.sha256)) throw new Error('sha256 must be 64 lower-case hex digits');
    const d = new Document();
    Object.assign(d, {
      id: input.id,
      ownerBin: input.ownerBin,
      ownerOffice: null,
      kind: kind.code,
      restricted: kind.restricted,
      origin: 'issued',
      status: 'issued',
      seriesId: input.id,
      versionNo: 1,
      supersedesId: null,
      declaredName: input.fileName,
      declaredSize: input.content.size,
      objectKey: Document.objectKeyOf(input.ownerBin, input.id),
      size: input.content.size,
      sha256: input.content.sha256,
      mediaType: input.content.mediaType,
      rejection: null,
      attachedTo: null,
      attachedAt: null,
      issueKey: input.issueKey,
      createdBy: input.by,
      createdAt: input.at,
      verifiedAt: input.at,
      uploadExpiresAt: null,
      retainUntil: retainUntil(kind, input.on),
      purgedAt: null,
      updatedAt: input.at,
    });
    d.record({
      name: 'DocumentIssued',
      aggregateId: d.id,
      occurredAt: input.at,
      ownerBin: input.ownerBin,
      ownerOffice: null,
      kind: d.kind,
      issueKey: input.issueKey,
      sha256: input.content.sha256,
      size: input.content.size,
    });
    return d;
  }

  /**
   * The retention ended (ADR 0045, `retention.rule.ts`): the caller has deleted the bytes from the
   * store; the document keeps its metadata and hash. Purging again is a no-op; purging a document
   * whose retention has not ended, or that never had bytes, is refused.
   */
  purge(today: IsoDate, at: Date): void {
    if (this.status === 'purged') return;
    if (!this.downloadable)
      throw new IllegalStateError('document', this.status, 'be purged', 'only a verified, attached or issued document has bytes to purge');
    if (!retentionEnded(this.retainUntil, today)) {
      throw new RuleViolationError(
        'ADR 0045',
        `the document is kept until ${this.retainUntil ?? '(no retention date)'} inclusive; it cannot be purged on ${today}`,
      );
    }
    Object.assign(this.m, { status: 'purged', purgedAt: at, updatedAt: at });
    this.record({
      name: 'DocumentPurged',
      aggregateId: this.id,
      occurredAt: at,
      ownerBin: this.ownerBin,
      ownerOffice: this.ownerOffice,
      kind: this.kind,
      sha256: this.sha256 ?? '',
      retainUntil: this.retainUntil!,
    });
  }

  /** Bytes can be handed out: verified, attached or issued. */
  get downloadable(): boolean {
    return this.status === 'verified' || this.status === 'attached' || this.status === 'issued';
  }

  private requireStatus(expected: DocumentStatus, attempted: string): void {
    if (this.status !== expected) throw new IllegalStateError('document', this.status, attempted);
  }
}
