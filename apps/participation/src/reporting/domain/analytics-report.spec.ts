import { describe, expect, it } from 'vitest';
import { AnalyticsReport, analyticsCsv, analyticsDocument, type AnalyticsContent, type AnalyticsRow } from './analytics-report.js';
import type { ReportedFigures } from './rules/analytics-content.rule.js';
import { parseKzt, type Tiyn } from '@hub/kernel';

const kzt = (text: string): Tiyn => parseKzt(text)!;
const row = (over: Partial<AnalyticsRow>): AnalyticsRow => ({
  bin: '190540000011',
  companyName: 'Co',
  activityTypeCodes: ['62.01'],
  status: 'active',
  termStart: '2026-03-02',
  termEnd: '2027-03-01',
  reportStatus: 'submitted',
  conclusions: [],
  ...over,
});
const figures = (revenue: string, exportRevenue = '0'): ReportedFigures => ({
  revenueTiyn: kzt(revenue),
  exportRevenueTiyn: kzt(exportRevenue),
  headcount: 2,
  nonResidentHeadcount: 1,
});
const content = (rows: AnalyticsRow[], f: ReportedFigures[], minReportsForTotals = 3): AnalyticsContent => ({ rows, figures: f, minReportsForTotals });

describe('F-41 analytics for the authorised body: the expediency of the projects (F-40), no participant’s figures (F-35)', () => {
  it('F-40, F-41: each participant’s line carries its projects’ conclusions and their expediency in one word', () => {
    const csv = analyticsCsv([
      row({ conclusions: [{ project: 'AI', conclusion: 'expedient', periodFrom: '2026-01-01', periodTo: '2026-03-31' }] }),
      row({
        bin: '190540000022',
        conclusions: [
          { project: 'AI', conclusion: 'expedient', periodFrom: '2026-01-01', periodTo: '2026-03-31' },
          { project: 'CRM, "cloud"', conclusion: 'not-expedient', periodFrom: '2026-01-01', periodTo: '2026-03-31' },
        ],
      }),
      row({ bin: '190540000033' }),
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('bin,companyName,activityTypeCodes,status,termStart,termEnd,reportStatus,expediency,projectConclusions');
    expect(lines[1]).toBe('190540000011,Co,62.01,active,2026-03-02,2027-03-01,submitted,expedient,AI: expedient (2026-01-01..2026-03-31)');
    expect(lines[2]).toBe(
      '190540000022,Co,62.01,active,2026-03-02,2027-03-01,submitted,not-expedient,"AI: expedient (2026-01-01..2026-03-31);CRM, ""cloud"": not-expedient (2026-01-01..2026-03-31)"',
    );
    expect(lines[3]).toBe('190540000033,Co,62.01,active,2026-03-02,2027-03-01,submitted,not-concluded,');
  });

  it('F-35: with three reports the document shows totals summed in integer tiyn (0.10 + 0.20 + 0.30 is 0.60), never a participant’s own figure', () => {
    const doc = analyticsDocument(
      2026,
      1,
      '2026-04-30',
      '2026-04-21',
      content([row({}), row({}), row({})], [figures('0.10', '1000000.05'), figures('0.20'), figures('0.30')]),
    );
    expect(doc).toContain('- Revenue reported (total of 3 reports): 0.60 KZT, of which export 1,000,000.05 KZT');
    expect(doc).toContain('- Headcount reported: 6, of which non-residents 3');
    expect(doc).not.toMatch(/\| 0\.10 \|/);
  });

  it('F-35: below the disclosure minimum the totals are not shown at all — two reports would reveal each other', () => {
    const doc = analyticsDocument(2026, 1, '2026-04-30', '2026-04-21', content([row({}), row({})], [figures('123456.78'), figures('0.01')]));
    expect(doc).toContain('Reported figures: not shown — fewer than 3 quarterly reports contribute');
    expect(doc).not.toContain('123,456');
    expect(doc).not.toContain('Revenue reported');
  });

  it('ADR 0036: a reported amount that is not a safe integer of tiyn is refused, not rounded', () => {
    const bad = { ...figures('1'), revenueTiyn: 0.5 as Tiyn };
    expect(() => analyticsDocument(2026, 1, '2026-04-30', '2026-04-21', content([row({})], [bad, figures('1'), figures('1')]))).toThrow(/revenueTiyn/);
  });

  it('F-41, ADR 0035: generate builds the report through its factory; regenerate replaces its content and records the fact (published by no mapper)', () => {
    const now = new Date('2026-04-21T20:00:00.000Z');
    const report = AnalyticsReport.generate(
      { id: 'r1', year: 2026, quarter: 1, dueDate: '2026-04-30' },
      content([row({})], [figures('10.00')], 1),
      '2026-04-22',
      now,
    );
    expect(report).toMatchObject({ year: 2026, quarter: 1, dueDate: '2026-04-30', participants: 1, generatedAt: now });
    expect(report.document).toContain('- Revenue reported (total of 1 reports): 10.00 KZT');
    report.regenerate('2026-04-30', content([row({}), row({ bin: '190540000022' })], [figures('10.00')]), '2026-04-23', now);
    expect(report.participants).toBe(2);
    expect(report.document).toContain('not shown');
    expect(report.csv.split('\n').filter(Boolean)).toHaveLength(3);
    expect(report.pullEvents().map((e) => [e.name, e.participants])).toEqual([
      ['AnalyticsReportGenerated', 1],
      ['AnalyticsReportGenerated', 2],
    ]);
  });
});
