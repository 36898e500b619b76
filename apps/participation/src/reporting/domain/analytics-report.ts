import { AggregateRoot, displayKzt } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import { disclosableTotals, projectExpediency, type ProjectConclusion, type ReportedFigures } from './rules/analytics-content.rule.js';

/** Internal: the mapper publishes nothing for it (F-41 goes to the authorised body as a document, not as an event). */
export interface AnalyticsReportGenerated {
  readonly name: 'AnalyticsReportGenerated';
  readonly aggregateId: string;
  readonly occurredAt: Date;
  readonly year: number;
  readonly quarter: number;
  readonly participants: number;
}

/**
 * F-41: the quarterly analytical information for the authorised body on whether implementing the
 * participants' projects is expedient, on the results of monitoring (F-40) — kept as CSV and as a
 * readable Markdown document. It carries no participant's commercial figures (F-35): only totals over
 * enough submitted reports (`disclosableTotals`). Generated once per quarter (timer) and
 * regenerated on demand; fields are read-only from outside (ADR 0035 §1) — `generate` creates it,
 * `regenerate` replaces its content; a concurrent regeneration fails on the optimistic lock.
 */
export class AnalyticsReport extends AggregateRoot<AnalyticsReportGenerated> {
  readonly id!: string;
  readonly year!: number;
  readonly quarter!: number;
  readonly dueDate!: IsoDate;
  readonly generatedAt!: Date;
  readonly participants!: number;
  readonly csv!: string;
  readonly document!: string;
  /** Optimistic lock: two regenerations of the same quarter at once → the second is a 409. */
  readonly version!: number;

  static generate(
    props: { id: string; year: number; quarter: number; dueDate: IsoDate },
    content: AnalyticsContent,
    generatedOn: IsoDate,
    now: Date,
  ): AnalyticsReport {
    const r = new AnalyticsReport();
    Object.assign(r, { id: props.id, year: props.year, quarter: props.quarter });
    r.regenerate(props.dueDate, content, generatedOn, now);
    return r;
  }

  /** The content from the quarter's current data (F-41): CSV, document, participant count. */
  regenerate(dueDate: IsoDate, content: AnalyticsContent, generatedOn: IsoDate, now: Date): void {
    const s = this as Mutable<AnalyticsReport>;
    s.dueDate = dueDate;
    s.generatedAt = now;
    s.participants = content.rows.length;
    s.csv = analyticsCsv(content.rows);
    s.document = analyticsDocument(this.year, this.quarter, dueDate, generatedOn, content);
    this.record({
      name: 'AnalyticsReportGenerated',
      aggregateId: this.id,
      occurredAt: now,
      year: this.year,
      quarter: this.quarter,
      participants: content.rows.length,
    });
  }
}

/** One participant's line (F-41): who, its term and report status, and the monitoring conclusions on its projects (F-40). No commercial figure (F-35). */
export interface AnalyticsRow {
  bin: string;
  companyName: string;
  activityTypeCodes: string[];
  status: string;
  termStart: string;
  termEnd: string;
  reportStatus: string;
  /** F-40: the conclusions on this participant's projects for periods ending in the quarter. */
  conclusions: ProjectConclusion[];
}

/** What a quarter's analytics is made of: the rows, the submitted reports' figures (only summed) and the disclosure minimum in force. */
export interface AnalyticsContent {
  readonly rows: readonly AnalyticsRow[];
  readonly figures: readonly ReportedFigures[];
  readonly minReportsForTotals: number;
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const conclusionText = (c: ProjectConclusion): string => `${c.project}: ${c.conclusion} (${c.periodFrom}..${c.periodTo})`;

type Column = { readonly name: string; readonly cell: (r: AnalyticsRow) => string | number | null };
/** The CSV's columns (F-41): one line per participant; projects and conclusions joined with ";". */
const COLUMNS: readonly Column[] = [
  { name: 'bin', cell: (r) => r.bin },
  { name: 'companyName', cell: (r) => r.companyName },
  { name: 'activityTypeCodes', cell: (r) => r.activityTypeCodes.join(';') },
  { name: 'status', cell: (r) => r.status },
  { name: 'termStart', cell: (r) => r.termStart },
  { name: 'termEnd', cell: (r) => r.termEnd },
  { name: 'reportStatus', cell: (r) => r.reportStatus },
  { name: 'expediency', cell: (r) => projectExpediency(r.conclusions) },
  { name: 'projectConclusions', cell: (r) => r.conclusions.map(conclusionText).join(';') },
];
export const ANALYTICS_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

export function analyticsCsv(rows: readonly AnalyticsRow[]): string {
  return [ANALYTICS_COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(c.cell(r))).join(','))].join('\n') + '\n';
}

/** The readable document (Markdown): the expediency of the projects first, then totals where they may be shown (F-35), then one line per participant. */
export function analyticsDocument(year: number, quarter: number, dueDate: string, generatedOn: string, content: AnalyticsContent): string {
  const { rows } = content;
  const submitted = rows.filter((r) => r.reportStatus === 'submitted' || r.reportStatus === 'submitted-late').length;
  const by = (e: string) => rows.filter((r) => projectExpediency(r.conclusions) === e).length;
  const totals = disclosableTotals(content.figures, content.minReportsForTotals);
  const figures = totals
    ? [
        `- Revenue reported (total of ${totals.reports} reports): ${displayKzt(totals.revenueTiyn)} KZT, of which export ${displayKzt(totals.exportRevenueTiyn)} KZT`,
        `- Headcount reported: ${totals.headcount}, of which non-residents ${totals.nonResidentHeadcount}`,
      ]
    : [
        `- Reported figures: not shown — fewer than ${content.minReportsForTotals} quarterly reports contribute, and their total would disclose a participant's commercial information (F-35)`,
      ];
  return [
    `# Astana Hub — analytical information on the expediency of participants' projects, ${year} Q${quarter}`,
    '',
    `For the authorised body (F-41), on the results of monitoring (F-40). Generated on ${generatedOn}; due by ${dueDate}.`,
    '',
    '## Expediency of the projects (F-40)',
    '',
    `- Participants in the quarter: ${rows.length}`,
    `- Projects concluded expedient: ${by('expedient')}; not expedient: ${by('not-expedient')}; not yet concluded: ${by('not-concluded')}`,
    `- Quarterly reports submitted: ${submitted} of ${rows.length}`,
    '',
    '## Totals',
    '',
    ...figures,
    '',
    '## Participants',
    '',
    '| BIN | Company | Activity types | Status | Report | Expediency | Projects |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const cell = (t: string) => t.replace(/\|/g, '/');
      const projects = r.conclusions.length === 0 ? '—' : r.conclusions.map((c) => cell(conclusionText(c))).join('; ');
      return `| ${r.bin} | ${cell(r.companyName)} | ${r.activityTypeCodes.join(', ')} | ${r.status} | ${r.reportStatus} | ${projectExpediency(r.conclusions)} | ${projects} |`;
    }),
    '',
  ].join('\n');
}
