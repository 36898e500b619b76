import { Injectable } from '@nestjs/common';
import { renderAnalyticsPdf } from '@hub/documents';
import { type Em, sql, sqlRun } from '@hub/messaging';
import { type IssuedDocumentsClient, archiveNotConfigured } from '@hub/nest-commons';
import {
  AnalyticsArchive,
  AnalyticsArchiveRecords,
  type AnalyticsEdition,
  AnalyticsPdfRenderer,
  type ArchivedAnalytics,
} from '../application/ports/analytics-archive.ports.js';

/** The analytics PDF of `@hub/documents` (beside the Fund's other issued documents). */
export class PdfAnalyticsRenderer extends AnalyticsPdfRenderer {
  render(e: AnalyticsEdition): Promise<Buffer> {
    return renderAnalyticsPdf({ year: e.year, quarter: e.quarter, generatedAt: e.generatedAt.toISOString(), document: e.document });
  }
}

/**
 * The archive is the documents context's `POST /issued-documents`, reached through the admin gateway
 * (`PARTICIPATION_DOCUMENTS_URL`) as participation itself (client `hub-participation`, role
 * `document-issuer`, ADR 0106) with the platform's `IssuedDocumentsClient`: kind `quarterly-analytics`,
 * the Fund's own document (no owner BIN: documents sets the Fund's, ADR 0122 §2).
 */
export class DocumentsAnalyticsArchive extends AnalyticsArchive {
  constructor(private readonly documents: IssuedDocumentsClient) {
    super();
  }

  store(d: { readonly issueKey: string; readonly fileName: string; readonly pdf: Buffer; readonly sha256: string }): Promise<{ readonly documentId: string }> {
    return this.documents.issue({ kind: 'quarterly-analytics', issueKey: d.issueKey, fileName: d.fileName, bytes: d.pdf, sha256: d.sha256 });
  }
}

/** Without `PARTICIPATION_DOCUMENTS_URL` and service credentials: archiving is owed but cannot happen — said loudly on every try. */
export class UnconfiguredAnalyticsArchive extends AnalyticsArchive {
  store(d: { readonly issueKey: string }): Promise<{ readonly documentId: string }> {
    return Promise.reject(archiveNotConfigured(d.issueKey, 'PARTICIPATION_DOCUMENTS_URL'));
  }
}

interface EditionRow {
  id: string;
  year: number;
  quarter: number;
  generated_at: Date | string;
  document: string;
}
interface CopyRow {
  document_id: string;
  sha256: string;
  archived_at: Date | string;
}

/** The archive record of analytics editions (`participation_analytics_archive`, ADR 0132); the report row itself is not touched. */
@Injectable()
export class PostgresAnalyticsArchiveRecords extends AnalyticsArchiveRecords {
  async pending(em: Em, reportId: string, generatedAt: Date): Promise<AnalyticsEdition | undefined> {
    const [row] = await sql<EditionRow>(
      em,
      `select r."id", r."year", r."quarter", r."generated_at", r."document"
         from "analytics_report" r
        where r."id" = ? and r."generated_at" = ?
          and not exists (select 1 from "participation_analytics_archive" x where x."report_id" = r."id" and x."generated_at" = r."generated_at")`,
      [reportId, generatedAt],
    );
    if (!row) return undefined;
    return { reportId: row.id, year: row.year, quarter: row.quarter, generatedAt: new Date(row.generated_at), document: row.document };
  }

  async recordArchived(em: Em, e: AnalyticsEdition, copy: ArchivedAnalytics): Promise<void> {
    await sqlRun(
      em,
      `insert into "participation_analytics_archive" ("report_id", "generated_at", "year", "quarter", "document_id", "sha256", "archived_at")
       values (?, ?, ?, ?, ?, ?, ?) on conflict ("report_id", "generated_at") do nothing`,
      [e.reportId, e.generatedAt, e.year, e.quarter, copy.documentId, copy.sha256, copy.archivedAt],
    );
  }

  async archivedCopy(em: Em, reportId: string, generatedAt: Date): Promise<ArchivedAnalytics | undefined> {
    const [row] = await sql<CopyRow>(
      em,
      `select "document_id", "sha256", "archived_at" from "participation_analytics_archive" where "report_id" = ? and "generated_at" = ?`,
      [reportId, generatedAt],
    );
    return row ? { documentId: row.document_id, sha256: row.sha256, archivedAt: new Date(row.archived_at) } : undefined;
  }
}
