import { describe, expect, it } from 'vitest';
import { parseKzt, type Tiyn } from '../../fees/domain/money.js';
import { AnalyticsReport, analyticsCsv, analyticsDocument, type AnalyticsRow } from './analytics-report.js';

const kzt = (text: string): Tiyn => parseKzt(text)!;
const row = (over: Partial<AnalyticsRow>): AnalyticsRow => ({
  bin: '190540000011',
  companyName: 'Co',
  activityTypeCodes: ['62.01'],
  status: 'active',
  termStart: '2026-03-02',
  termEnd: '2027-03-01',
  reportStatus: 'submitted',
  headcount: 1,
  nonResidentHeadcount: 0,
  revenueTiyn: null,
  exportRevenueTiyn: null,
  declaredIncomeTiyn: null,
  feeStatus: 'paid',
  ...over,
});

describe('analytics money (F-41, F-21, ADR 0036)', () => {
  it('F-41: amounts are summed in integer tiyn and printed as decimal KZT — 0.10 + 0.20 is 0.30', () => {
    const rows = [
      row({ revenueTiyn: kzt('0.10'), exportRevenueTiyn: kzt('1000000.05') }),
      row({ bin: '190540000022', revenueTiyn: kzt('0.20'), exportRevenueTiyn: kzt('2000000.10') }),
    ];
    const doc = analyticsDocument(2026, 1, '2026-04-30', '2026-04-21', rows);
    expect(doc).toContain('- Revenue reported: 0.30 KZT, of which export 3,000,000.15 KZT');
    expect(doc).toContain('| 0.10 | 1 |');
  });

  it('F-41: the CSV holds exact decimal KZT text in the …Kzt columns; an unknown amount is an empty cell', () => {
    const csv = analyticsCsv([row({ revenueTiyn: kzt('1234.5'), exportRevenueTiyn: null, declaredIncomeTiyn: kzt('0.29') })]);
    const [header, line] = csv.split('\n');
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, line!.split(',')[i]]));
    expect(cells).toMatchObject({ revenueKzt: '1234.50', exportRevenueKzt: '', declaredIncomeKzt: '0.29' });
  });

  it('ADR 0036: an amount that is not a safe integer of tiyn is refused, not rounded', () => {
    expect(() => analyticsCsv([row({ revenueTiyn: 0.5 as Tiyn })])).toThrow(/revenueTiyn/);
  });

  it('F-41, ADR 0035: generate builds the report through its factory; regenerate replaces its content and records the fact (published by no mapper)', () => {
    const now = new Date('2026-04-21T20:00:00.000Z');
    const report = AnalyticsReport.generate(
      { id: 'r1', year: 2026, quarter: 1, dueDate: '2026-04-30' },
      [row({ revenueTiyn: kzt('10.00') })],
      '2026-04-22',
      now,
    );
    expect(report).toMatchObject({ year: 2026, quarter: 1, dueDate: '2026-04-30', participants: 1, generatedAt: now });
    expect(report.document).toContain('- Revenue reported: 10.00 KZT');
    report.regenerate('2026-04-30', [row({ revenueTiyn: kzt('10.00') }), row({ bin: '190540000022', revenueTiyn: kzt('0.05') })], '2026-04-23', now);
    expect(report.participants).toBe(2);
    expect(report.csv.split('\n').filter(Boolean)).toHaveLength(3);
    expect(report.pullEvents().map((e) => [e.name, e.participants])).toEqual([
      ['AnalyticsReportGenerated', 1],
      ['AnalyticsReportGenerated', 2],
    ]);
  });
});
