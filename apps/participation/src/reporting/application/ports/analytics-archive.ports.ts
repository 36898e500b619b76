import type { Em } from '@hub/messaging';

/** One generated edition of a quarter's analytics (F-41) as stored: what its archived PDF is rendered from. */
export interface AnalyticsEdition {
  readonly reportId: string;
  readonly year: number;
  readonly quarter: number;
  /** Names the edition: a regeneration is another edition, archived as another document. */
  readonly generatedAt: Date;
  /** The readable document (Markdown) participation stored with the edition. */
  readonly document: string;
}

/** An edition's archived copy: its document id in the Fund's archive and its SHA-256. */
export interface ArchivedAnalytics {
  readonly documentId: string;
  readonly sha256: string;
  readonly archivedAt: Date;
}

/** Port: renders an edition as the PDF the Fund issues (`@hub/documents`); the same edition gives the same bytes. */
export abstract class AnalyticsPdfRenderer {
  abstract render(edition: AnalyticsEdition): Promise<Buffer>;
}

/**
 * Port: the Fund's archive of issued documents (the documents context, ADR 0045), reached as
 * participation itself — the worker `hub-participation` with the role `document-issuer` (ADR 0106).
 * Storing the same issue key again returns the same document; the archive's hash must equal the bytes sent.
 */
export abstract class AnalyticsArchive {
  abstract store(d: {
    readonly issueKey: string;
    readonly fileName: string;
    readonly pdf: Buffer;
    readonly sha256: string;
  }): Promise<{ readonly documentId: string }>;
}

/** Port: which editions still wait for the archive, and the record that one is there (`participation_analytics_archive`). */
export abstract class AnalyticsArchiveRecords {
  /** The edition, unless it is archived already, or no longer the report's content (regenerated since: that edition's own timer archives it). */
  abstract pending(em: Em, reportId: string, generatedAt: Date): Promise<AnalyticsEdition | undefined>;
  abstract recordArchived(em: Em, edition: AnalyticsEdition, copy: ArchivedAnalytics): Promise<void>;
  /** The archived copy of the report's current edition, if the archive has answered. */
  abstract archivedCopy(em: Em, reportId: string, generatedAt: Date): Promise<ArchivedAnalytics | undefined>;
}
