import { Inject, Injectable } from '@nestjs/common';
import { Clock, uuidv7, tiyn, type Tiyn } from '@hub/kernel';
import { sql, type Em, type TimerHandler, type TimerRecord } from '@hub/messaging';
import { DeadlineTimers } from '../../shared/application/ports/deadline-timers.js';
import { Deadlines } from '../../shared/domain/deadlines.js';
import { TIMER } from '../../shared/application/timer-kinds.js';
import { almatyDate, nextQuarter, quarterEnd, quarterStart } from '../../shared/domain/calendar.js';
import { AnalyticsReport, type AnalyticsRow } from '../domain/analytics-report.js';
import type { ReportedFigures } from '../domain/rules/analytics-content.rule.js';
import { analyticsArchiveKey } from './timers/analytics-archive.timer-handler.js';

interface Row {
  participation_id: string;
  bin: string;
  company_name: string;
  activity_types: { code: string }[] | string;
  status: string;
  term_start: string;
  term_end: string;
  report_status: string | null;
  indicators: Record<string, number> | string | null;
}

interface ConclusionRow {
  participation_id: string;
  project: string;
  conclusion: 'expedient' | 'not-expedient';
  period_from: string;
  period_to: string;
}

/** A tiyn amount of a submitted report's indicators (jsonb) → checked Tiyn; null when absent. */
const reportedTiyn = (v: number | undefined, field: string): Tiyn | null => (v === undefined || v === null ? null : tiyn(v, field));
const SUBMITTED = new Set(['submitted', 'submitted-late']);

/**
 * F-41: every quarter, within the calendar month after it, the Fund prepares for the authorised body
 * analytical information on whether implementing the participants' projects is expedient, on the
 * results of monitoring (F-40). Generated automatically after the report deadline (timer), or on
 * demand; kept as CSV and as a readable Markdown document. The participants' reported figures are
 * read only to be summed, and shown only as totals over enough reports (F-35, ADR 0027).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
  ) {}

  async generate(em: Em, year: number, quarter: number): Promise<AnalyticsReport> {
    const from = quarterStart(year, quarter);
    const to = quarterEnd(year, quarter);
    const rows = await sql<Row>(
      em,
      `select p.id as participation_id, p.bin, p.company_name, p.activity_types, p.status, p.term_start::text as term_start, p.term_end::text as term_end,
              r.status as report_status, r.indicators
         from participation p
         left join quarterly_report r on r.participation_id = p.id and r.year = ? and r.quarter = ?
        where p.term_start <= ? and coalesce(p.ended_on, p.term_end) >= ?
        order by p.bin`,
      [year, quarter, to, from],
    );
    // F-40: the conclusions on periods that overlap the quarter, oldest period first.
    const conclusions = await sql<ConclusionRow>(
      em,
      `select participation_id, project, conclusion, period_from::text as period_from, period_to::text as period_to
         from monitoring_conclusion
        where period_from <= ? and period_to >= ?
        order by period_from, project`,
      [to, from],
    );
    const data: AnalyticsRow[] = rows.map((r) => {
      const types = typeof r.activity_types === 'string' ? (JSON.parse(r.activity_types) as { code: string }[]) : r.activity_types;
      return {
        bin: r.bin,
        companyName: r.company_name,
        activityTypeCodes: types.map((t) => t.code),
        status: r.status,
        termStart: r.term_start,
        termEnd: r.term_end,
        reportStatus: r.report_status ?? 'not-opened',
        conclusions: conclusions
          .filter((c) => c.participation_id === r.participation_id)
          .map((c) => ({ project: c.project, conclusion: c.conclusion, periodFrom: c.period_from, periodTo: c.period_to })),
      };
    });
    const figures: ReportedFigures[] = rows
      .filter((r) => r.report_status !== null && SUBMITTED.has(r.report_status))
      .map((r) => {
        const ind = typeof r.indicators === 'string' ? (JSON.parse(r.indicators) as Record<string, number>) : r.indicators;
        return {
          revenueTiyn: reportedTiyn(ind?.revenueTiyn, 'indicators.revenueTiyn'),
          exportRevenueTiyn: reportedTiyn(ind?.exportRevenueTiyn, 'indicators.exportRevenueTiyn'),
          headcount: ind?.headcount ?? null,
          nonResidentHeadcount: ind?.nonResidentHeadcount ?? null,
        };
      });
    const now = this.clock.now();
    const dueDate = this.deadlines.analyticsDueDate(year, quarter);
    const content = { rows: data, figures, minReportsForTotals: this.deadlines.analyticsMinReportsForTotals(year, quarter) };
    const existing = await em.findOne(AnalyticsReport, { year, quarter });
    const report = existing ?? AnalyticsReport.generate({ id: uuidv7(), year, quarter, dueDate }, content, almatyDate(now), now);
    if (existing) existing.regenerate(dueDate, content, almatyDate(now), now);
    else em.persist(report);
    // Issue #10 (ADR 0132): the edition is owed to the Fund's archive of issued documents from this transaction on.
    await this.timers.scheduleAt(TIMER.analyticsArchive, analyticsArchiveKey(report.id, now), now, { reportId: report.id, generatedAt: now.toISOString() });
    return report;
  }
}

/** F-41: after the quarter's report deadline, the analytical information is generated; the next quarter is armed. */
@Injectable()
export class AnalyticsTimerHandler implements TimerHandler {
  readonly kind = TIMER.analytics;

  constructor(
    @Inject(AnalyticsService) private readonly analytics: AnalyticsService,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
  ) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const year = Number(timer.payload.year);
    const quarter = Number(timer.payload.quarter);
    await this.analytics.generate(em, year, quarter);
    const next = nextQuarter(year, quarter);
    // F-41: at 01:00 (Almaty) on the day after the next quarter's report deadline, once the overdue reports are marked.
    const dueAt = new Date(Deadlines.missedAt(this.deadlines.reportDueDate(next.year, next.quarter)).getTime() + 3_600_000);
    await this.timers.scheduleAt(TIMER.analytics, `${next.year}-Q${next.quarter}`, dueAt, { year: next.year, quarter: next.quarter });
  }
}
