import { ValidationError } from '@hub/kernel';
import { displayKzt, formatKzt, sumTiyn, tiyn, tiynFromKztNumber, ZERO, type Tiyn } from '../../fees/domain/money.js';

/** F-41: the quarterly analytical information on participants' projects for the authorised body. */
export class AnalyticsReport {
  id!: string;
  year!: number;
  quarter!: number;
  dueDate!: string;
  generatedAt!: Date;
  participants!: number;
  csv!: string;
  document!: string;
}

/**
 * One participant's line. Amounts are integer tiyn (ADR 0036), printed as decimal KZT in the
 * columns named …Kzt. The `…Kzt` number fields are deprecated inputs (KZT JSON numbers), read
 * exactly from their decimal text when the tiyn field is absent — for callers not yet on tiyn.
 */
export interface AnalyticsRow {
  bin: string;
  companyName: string;
  activityTypeCodes: string[];
  status: string;
  termStart: string;
  termEnd: string;
  reportStatus: string;
  revenueTiyn?: Tiyn | null;
  exportRevenueTiyn?: Tiyn | null;
  headcount: number | null;
  nonResidentHeadcount: number | null;
  declaredIncomeTiyn?: Tiyn | null;
  feeStatus: string;
  /** @deprecated ADR 0036: use revenueTiyn. */
  revenueKzt?: number | null;
  /** @deprecated ADR 0036: use exportRevenueTiyn. */
  exportRevenueKzt?: number | null;
  /** @deprecated ADR 0036: use declaredIncomeTiyn. */
  declaredIncomeKzt?: number | null;
}

type Money = 'revenue' | 'exportRevenue' | 'declaredIncome';

/** The row's amount in tiyn: the tiyn field, else the deprecated KZT number read exactly; null if neither. */
export function amountOf(r: AnalyticsRow, what: Money): Tiyn | null {
  const t = r[`${what}Tiyn`];
  if (t !== undefined && t !== null) return tiyn(t, `${what}Tiyn`);
  const k = r[`${what}Kzt`];
  if (k === undefined || k === null) return null;
  const exact = tiynFromKztNumber(k);
  if (exact === null) throw ValidationError.field(`${what}Kzt`, `${k} is not a KZT amount with at most 2 decimals`, 'money.kzt');
  return exact;
}

type Column = { readonly name: string; readonly cell: (r: AnalyticsRow) => string | number | string[] | null };
const plain = (k: Exclude<keyof AnalyticsRow, `${Money}Tiyn` | `${Money}Kzt`>): Column => ({ name: k, cell: (r) => r[k] ?? null });
const kzt = (what: Money): Column => ({ name: `${what}Kzt`, cell: (r) => { const a = amountOf(r, what); return a === null ? null : formatKzt(a); } });

const csvCell = (v: string | number | string[] | null): string => {
  const s = v === null ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The CSV's columns (F-41); the …Kzt columns hold exact decimal KZT text ("1234.50"). */
const COLUMNS: readonly Column[] = [
  plain('bin'), plain('companyName'), plain('activityTypeCodes'), plain('status'), plain('termStart'), plain('termEnd'), plain('reportStatus'),
  kzt('revenue'), kzt('exportRevenue'), plain('headcount'), plain('nonResidentHeadcount'), kzt('declaredIncome'), plain('feeStatus'),
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
