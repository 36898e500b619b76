import { AggregateRoot } from '@hub/kernel';
import { displayKzt, formatKzt, sumTiyn, tiyn, ZERO, type Tiyn } from '../../fees/domain/money.js';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';

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
 * F-41: the quarterly analytical information on participants' projects for the authorised body,
 * kept as CSV and as a readable Markdown document. Generated once per quarter (timer) and
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
    rows: readonly AnalyticsRow[],
    generatedOn: IsoDate,
    now: Date,
  ): AnalyticsReport {
    const r = new AnalyticsReport();
    Object.assign(r, { id: props.id, year: props.year, quarter: props.quarter });
    r.regenerate(props.dueDate, rows, generatedOn, now);
    return r;
  }

  /** The content from the quarter's current data (F-41): CSV, document, participant count. */
  regenerate(dueDate: IsoDate, rows: readonly AnalyticsRow[], generatedOn: IsoDate, now: Date): void {
    const s = this as Mutable<AnalyticsReport>;
    s.dueDate = dueDate;
    s.generatedAt = now;
    s.participants = rows.length;
    s.csv = analyticsCsv(rows);
    s.document = analyticsDocument(this.year, this.quarter, dueDate, generatedOn, rows);
    this.record({ name: 'AnalyticsReportGenerated', aggregateId: this.id, occurredAt: now, year: this.year, quarter: this.quarter, participants: rows.length });
  }
}

/** One participant's line. Amounts are integer tiyn (ADR 0036), printed as decimal KZT in the columns named …Kzt. */
export interface AnalyticsRow {
  bin: string;
  companyName: string;
  activityTypeCodes: string[];
  status: string;
  termStart: string;
  termEnd: string;
  reportStatus: string;
  revenueTiyn: Tiyn | null;
  exportRevenueTiyn: Tiyn | null;
  headcount: number | null;
  nonResidentHeadcount: number | null;
  declaredIncomeTiyn: Tiyn | null;
  feeStatus: string;
}

type Money = 'revenue' | 'exportRevenue' | 'declaredIncome';

/** The row's amount in tiyn (checked: a safe integer in range), null when unknown. */
export function amountOf(r: AnalyticsRow, what: Money): Tiyn | null {
  const t = r[`${what}Tiyn`];
  return t === null ? null : tiyn(t, `${what}Tiyn`);
}

type Column = { readonly name: string; readonly cell: (r: AnalyticsRow) => string | number | string[] | null };
const plain = (k: Exclude<keyof AnalyticsRow, `${Money}Tiyn`>): Column => ({ name: k, cell: (r) => r[k] ?? null });
const kzt = (what: Money): Column => ({
  name: `${what}Kzt`,
  cell: (r) => {
    const a = amountOf(r, what);
    return a === null ? null : formatKzt(a);
  },
});

const csvCell = (v: string | number | string[] | null): string => {
  const s = v === null ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The CSV's columns (F-41); the …Kzt columns hold exact decimal KZT text ("1234.50"). */
const COLUMNS: readonly Column[] = [
  plain('bin'),
  plain('companyName'),
  plain('activityTypeCodes'),
  plain('status'),
  plain('termStart'),
  plain('termEnd'),
  plain('reportStatus'),
  kzt('revenue'),
  kzt('exportRevenue'),
  plain('headcount'),
  plain('nonResidentHeadcount'),
  kzt('declaredIncome'),
  plain('feeStatus'),
];
export const ANALYTICS_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

export function analyticsCsv(rows: readonly AnalyticsRow[]): string {
  return [ANALYTICS_COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(c.cell(r))).join(','))].join('\n') + '\n';
}

/** The readable document (Markdown): totals first (summed in tiyn, exact), then one line per participant. */
export function analyticsDocument(year: number, quarter: number, dueDate: string, generatedOn: string, rows: readonly AnalyticsRow[]): string {
  const submitted = rows.filter((r) => r.reportStatus === 'submitted' || r.reportStatus === 'submitted-late');
  const money = (what: Money): string => displayKzt(sumTiyn(submitted.map((r) => amountOf(r, what) ?? ZERO)));
  const count = (k: 'headcount' | 'nonResidentHeadcount') => submitted.reduce((a, r) => a + (r[k] ?? 0), 0);
  return [
    `# Astana Hub — analytical information on participants' projects, ${year} Q${quarter}`,
    '',
    `For the authorised body (F-41). Generated on ${generatedOn}; due by ${dueDate}.`,
    '',
    '## Totals',
    '',
    `- Participants in the quarter: ${rows.length}`,
    `- Quarterly reports submitted: ${submitted.length} of ${rows.length}`,
    `- Revenue reported: ${money('revenue')} KZT, of which export ${money('exportRevenue')} KZT`,
    `- Headcount reported: ${count('headcount')}, of which non-residents ${count('nonResidentHeadcount')}`,
    '',
    '## Participants',
    '',
    '| BIN | Company | Activity types | Status | Report | Revenue, KZT | Headcount |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const revenue = amountOf(r, 'revenue');
      return `| ${r.bin} | ${r.companyName.replace(/\|/g, '/')} | ${r.activityTypeCodes.join(', ')} | ${r.status} | ${r.reportStatus} | ${revenue === null ? '—' : displayKzt(revenue)} | ${r.headcount ?? '—'} |`;
    }),
    '',
  ].join('\n');
}
