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

export interface AnalyticsRow {
  bin: string;
  companyName: string;
  activityTypeCodes: string[];
  status: string;
  termStart: string;
  termEnd: string;
  reportStatus: string;
  revenueKzt: number | null;
  exportRevenueKzt: number | null;
  headcount: number | null;
  nonResidentHeadcount: number | null;
  declaredIncomeKzt: number | null;
  feeStatus: string;
}

const csvCell = (v: string | number | string[] | null): string => {
  const s = v === null ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const ANALYTICS_COLUMNS: readonly (keyof AnalyticsRow)[] = [
  'bin', 'companyName', 'activityTypeCodes', 'status', 'termStart', 'termEnd', 'reportStatus', 'revenueKzt', 'exportRevenueKzt', 'headcount', 'nonResidentHeadcount', 'declaredIncomeKzt', 'feeStatus',
];

export function analyticsCsv(rows: readonly AnalyticsRow[]): string {
  return [ANALYTICS_COLUMNS.join(','), ...rows.map((r) => ANALYTICS_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The readable document (Markdown): totals first, then one line per participant. */
export function analyticsDocument(year: number, quarter: number, dueDate: string, generatedOn: string, rows: readonly AnalyticsRow[]): string {
  const submitted = rows.filter((r) => r.reportStatus === 'submitted' || r.reportStatus === 'submitted-late');
  const sum = (k: 'revenueKzt' | 'exportRevenueKzt' | 'headcount' | 'nonResidentHeadcount') => submitted.reduce((a, r) => a + (r[k] ?? 0), 0);
  return [
    `# Astana Hub — analytical information on participants' projects, ${year} Q${quarter}`,
    '',
    `For the authorised body (F-41). Generated on ${generatedOn}; due by ${dueDate}.`,
    '',
    '## Totals',
    '',
    `- Participants in the quarter: ${rows.length}`,
    `- Quarterly reports submitted: ${submitted.length} of ${rows.length}`,
    `- Revenue reported: ${fmt(sum('revenueKzt'))} KZT, of which export ${fmt(sum('exportRevenueKzt'))} KZT`,
    `- Headcount reported: ${sum('headcount')}, of which non-residents ${sum('nonResidentHeadcount')}`,
    '',
    '## Participants',
    '',
    '| BIN | Company | Activity types | Status | Report | Revenue, KZT | Headcount |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.bin} | ${r.companyName.replace(/\|/g, '/')} | ${r.activityTypeCodes.join(', ')} | ${r.status} | ${r.reportStatus} | ${r.revenueKzt === null ? '—' : fmt(r.revenueKzt)} | ${r.headcount ?? '—'} |`),
    '',
  ].join('\n');
}
