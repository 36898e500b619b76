import type { DocumentOrigin, DocumentStatus } from '../../domain/document.aggregate.js';

export interface DocumentView {
  readonly id: string;
  readonly ownerBin: string | null;
  /** ADR 0113: the office whose document it is (then `ownerBin` is null). */
  readonly ownerOffice: string | null;
  readonly kind: string;
  readonly restricted: boolean;
  readonly origin: DocumentOrigin;
  readonly status: DocumentStatus;
  readonly seriesId: string;
  readonly versionNo: number;
  readonly supersedesId: string | null;
  readonly fileName: string;
  readonly declaredSize: number;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly mediaType: string | null;
  readonly rejection: string | null;
  readonly attachedTo: string | null;
  readonly attachedAt: string | null;
  readonly issueKey: string | null;
  readonly createdAt: string;
  readonly verifiedAt: string | null;
  readonly retainUntil: string | null;
}

/** Port: reads for the queries (no unit of work). */
export abstract class DocumentReadModel {
  abstract find(id: string): Promise<DocumentView | null>;
  /** Newest first; `bins` restricts to those companies (undefined = every company). */
  abstract list(filter: { bins?: readonly string[]; kind?: string; kinds?: readonly string[]; includeRestricted: boolean }): Promise<DocumentView[]>;
  abstract countByStatus(): Promise<Record<string, number>>;
}
