import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { AnalyticsArchive, AnalyticsArchiveRecords, AnalyticsPdfRenderer } from '../ports/analytics-archive.ports.js';

/** The timer key of an edition: the report and the instant it was generated (a regeneration is another edition). */
export const analyticsArchiveKey = (reportId: string, generatedAt: Date): string => `${reportId}@${generatedAt.toISOString()}`;

/** The archive's name for an edition (`<context>/<thing>/<id>`, ADR 0045 §9): the quarter and the generation instant. */
export const analyticsIssueKey = (year: number, quarter: number, generatedAt: Date): string =>
  `participation/analytics/${year}-Q${quarter}.${generatedAt.toISOString().replace(/[-:]/g, '')}`;

/**
 * F-41, issue #10 (ADR 0132): each generated edition of the quarter's analytical information is issued
 * as a document — rendered once as a PDF from the stored edition and copied to the Fund's archive of
 * issued documents, as registration archives its protocols and certificates (ADR 0106, ADR 0122): the
 * timer is written with the edition (AnalyticsService.generate), an archive that is down is asked again
 * with backoff, a failure for good shows on the timers-failed alert. The PDF is the same bytes every
 * time, so a repeated fire is one document; the archive's SHA-256 must be the PDF's.
 */
@Injectable()
export class AnalyticsArchiveTimerHandler implements TimerHandler {
  readonly kind = TIMER.analyticsArchive;

  constructor(
    @Inject(AnalyticsArchiveRecords) private readonly records: AnalyticsArchiveRecords,
    @Inject(AnalyticsPdfRenderer) private readonly renderer: AnalyticsPdfRenderer,
    @Inject(AnalyticsArchive) private readonly archive: AnalyticsArchive,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const { reportId, generatedAt } = timer.payload;
    if (typeof reportId !== 'string' || typeof generatedAt !== 'string') throw new Error(`timer ${timer.id} names no analytics edition`);
    const edition = await this.records.pending(em, reportId, new Date(generatedAt));
    if (!edition) return; // archived already (a repeated fire), or replaced by a later edition (its own timer archives that) — once in effect
    const pdf = await this.renderer.render(edition);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const { documentId } = await this.archive.store({
      issueKey: analyticsIssueKey(edition.year, edition.quarter, edition.generatedAt),
      fileName: `analytics-${edition.year}-Q${edition.quarter}.pdf`,
      pdf,
      sha256,
    });
    await this.records.recordArchived(em, edition, { documentId, sha256, archivedAt: this.clock.now() });
  }
}
