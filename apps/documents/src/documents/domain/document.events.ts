import type { DomainEvent } from '@hub/kernel';

interface DocumentFact extends DomainEvent {
  /** The owner's BIN; null for an office's document (ADR 0113), which names `ownerOffice` instead. */
  readonly ownerBin: string | null;
  readonly ownerOffice: string | null;
  readonly kind: string;
}

/** What happened to a document, recorded by the aggregate (past tense); the mapper decides what is published. */
export interface DocumentUploadStarted extends DocumentFact {
  readonly name: 'DocumentUploadStarted';
  readonly supersedesId: string | null;
}
export interface DocumentVerified extends DocumentFact {
  readonly name: 'DocumentVerified';
  readonly seriesId: string;
  readonly versionNo: number;
  readonly supersedesId: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}
export interface DocumentRejected extends DocumentFact {
  readonly name: 'DocumentRejected';
  readonly reason: string;
}
export interface DocumentUploadExpired extends DocumentFact {
  readonly name: 'DocumentUploadExpired';
}
export interface DocumentAttached extends DocumentFact {
  readonly name: 'DocumentAttached';
  readonly attachedTo: string;
  readonly sha256: string;
}
export interface DocumentIssued extends DocumentFact {
  readonly name: 'DocumentIssued';
  readonly ownerBin: string;
  readonly issueKey: string;
  readonly sha256: string;
  readonly size: number;
}

export interface DocumentPurged extends DocumentFact {
  readonly name: 'DocumentPurged';
  readonly sha256: string;
  readonly retainUntil: string;
}

export type DocumentEvent =
  DocumentUploadStarted | DocumentVerified | DocumentRejected | DocumentUploadExpired | DocumentAttached | DocumentIssued | DocumentPurged;

const NAMES: ReadonlySet<string> = new Set<DocumentEvent['name']>([
  'DocumentUploadStarted',
  'DocumentVerified',
  'DocumentRejected',
  'DocumentUploadExpired',
  'DocumentAttached',
  'DocumentIssued',
  'DocumentPurged',
]);

export const isDocumentEvent = (e: DomainEvent): e is DocumentEvent => NAMES.has(e.name);
