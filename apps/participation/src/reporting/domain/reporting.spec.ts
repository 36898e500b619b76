import { describe, expect, it } from 'vitest';
import { IllegalStateError, ValidationError, tiyn } from '@hub/kernel';
import { NonResidentsSchema } from '@hub/contracts';
import { analyticsCsv, analyticsDocument } from './analytics-report.js';
import { QuarterlyReport } from './quarterly-report.aggregate.js';

const now = new Date('2026-04-10T04:00:00Z');
const engaged = {
  fullName: 'Иван Петров',
  fullNameLatin: 'Ivan Petrov',
  dateOfBirth: '1990-01-01',
  status: 'foreign-citizen' as const,
  citizenship: 'RU',
  countryOfPermanentResidence: 'RU',
  passport: { number: '751234567', issuedOn: '2020-01-01', issuedBy: 'MVD' },
  expectedStayFrom: '2026-01',
  expectedStayUntil: '2026-12',
  qualifications: 'Senior engineer',
  visaExtension: '',
  purposeOfStay: 'work',
};
const family = {
  fullName: 'Анна Петрова',
  fullNameLatin: 'Anna Petrova',
  dateOfBirth: '1992-02-02',
  engagedPersonFullName: 'Иван Петров',
  engagedPersonFullNameLatin: 'Ivan Petrov',
  kinship: 'spouse',
  kinshipDocuments: 'marriage certificate',
  passport: { number: '759999999', issuedOn: '2021-01-01', issuedBy: 'MVD' },
  visaExtension: '',
  purposeOfStay: 'family',
};
const indicators = {
  revenueTiyn: tiyn(100_000_000),
  exportRevenueTiyn: tiyn(0),
  headcount: 5,
  residentHeadcount: 4,
  nonResidentHeadcount: 1,
  investmentsAttractedTiyn: tiyn(0),
};
const open = () => QuarterlyReport.open({ id: 'r1', participationId: 'p1', bin: '190540000011', year: 2026, quarter: 1, dueDate: '2026-04-20' }, now);

describe('quarterly report (F-37, F-39, F-42)', () => {
  it('F-37, F-39: submitted once with the results analysis', () => {
    const r = open();
    r.submit(
      { resultsAnalysis: 'Revenue grew; two releases shipped.', indicators, nonResidents: { engaged: [engaged], familyMembers: [family] } },
      '2026-04-10',
      now,
    );
    expect(r).toMatchObject({ status: 'submitted', nonResidentCount: 1, familyMemberCount: 1 });
    expect(() => r.submit({ resultsAnalysis: 'again', indicators, nonResidents: { engaged: [engaged], familyMembers: [] } }, '2026-04-10', now)).toThrow(
      IllegalStateError,
    );
  });

  it('F-37: a report is submitted only once its quarter has ended', () => {
    expect(() =>
      open().submit({ resultsAnalysis: 'Too early.', indicators, nonResidents: { engaged: [engaged], familyMembers: [] } }, '2026-03-31', now),
    ).toThrow(expect.objectContaining({ ruleId: 'F-37' }));
  });

  it('F-37, F-39: past the due date a report is overdue, and a late submission is marked late', () => {
    const r = open();
    expect(r.markOverdue(now)).toBe(true);
    expect(r.markOverdue(now)).toBe(false);
    expect(r.pullEvents().map((e) => e.name)).toEqual(['QuarterlyReportOpened', 'QuarterlyReportBecameOverdue']);
    r.submit({ resultsAnalysis: 'Late but complete analysis.', indicators, nonResidents: { engaged: [engaged], familyMembers: [] } }, '2026-04-10', now);
    expect(r.status).toBe('submitted-late');
  });

  it('F-42: every field F-42 names is required for engaged persons and family members', () => {
    const parsed = NonResidentsSchema.safeParse({ engaged: [{}], familyMembers: [{}] });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    for (const f of [
      'fullName',
      'fullNameLatin',
      'dateOfBirth',
      'citizenship',
      'countryOfPermanentResidence',
      'passport',
      'expectedStayFrom',
      'expectedStayUntil',
      'qualifications',
      'purposeOfStay',
    ])
      expect(paths).toContain(`engaged.0.${f}`);
    for (const f of [
      'fullName',
      'fullNameLatin',
      'dateOfBirth',
      'engagedPersonFullName',
      'engagedPersonFullNameLatin',
      'kinship',
      'kinshipDocuments',
      'passport',
      'purposeOfStay',
    ])
      expect(paths).toContain(`familyMembers.0.${f}`);
  });

  it("F-42: a family member's entry carries the engaged person's full name also in Latin letters, matching that person's entry", () => {
    const submit = (f: typeof family) =>
      open().submit({ resultsAnalysis: 'Analysis of the quarter.', indicators, nonResidents: { engaged: [engaged], familyMembers: [f] } }, '2026-04-10', now);
    expect(() => submit(family)).not.toThrow();
    try {
      submit({ ...family, engagedPersonFullNameLatin: 'Ivan Sidorov' });
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe('nonResidents.familyMembers.0.engagedPersonFullNameLatin');
      expect((e as Error).message).not.toMatch(/Ivan|Sidorov|Петров/);
    }
  });

  it('F-42: a family member must name a listed engaged person; the error names the field, never the person', () => {
    const r = open();
    try {
      r.submit(
        {
          resultsAnalysis: 'Analysis of the quarter.',
          indicators,
          nonResidents: { engaged: [engaged], familyMembers: [{ ...family, engagedPersonFullName: 'Someone Else' }] },
        },
        '2026-04-10',
        now,
      );
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe('nonResidents.familyMembers.0.engagedPersonFullName');
      expect((e as Error).message).not.toMatch(/Someone Else|Анна|Петров/);
    }
  });

  it('F-42: the non-resident headcount matches the listed engaged persons; stateless persons have no citizenship', () => {
    expect(() =>
      open().submit(
        {
          resultsAnalysis: 'Analysis of the quarter.',
          indicators: { ...indicators, nonResidentHeadcount: 2, residentHeadcount: 3 },
          nonResidents: { engaged: [engaged], familyMembers: [] },
        },
        '2026-04-10',
        now,
      ),
    ).toThrow(/nonResidentHeadcount/);
    expect(() =>
      open().submit(
        { resultsAnalysis: 'Analysis of the quarter.', indicators, nonResidents: { engaged: [{ ...engaged, status: 'stateless' }], familyMembers: [] } },
        '2026-04-10',
        now,
      ),
    ).toThrow(/citizenship/);
  });
});

describe('analytics (F-41)', () => {
  const row = {
    bin: '190540000011',
    companyName: 'Co, "Quoted"',
    activityTypeCodes: ['62.01', '63.11'],
    status: 'active',
    termStart: '2026-03-02',
    termEnd: '2027-03-01',
    reportStatus: 'submitted',
    conclusions: [],
  };
  it('F-41: CSV with a header and escaped cells; a readable document on the projects’ expediency', () => {
    const csv = analyticsCsv([row]);
    expect(csv.split('\n')[0]).toBe('bin,companyName,activityTypeCodes,status,termStart,termEnd,reportStatus,expediency,projectConclusions');
    expect(csv).toContain('"Co, ""Quoted"""');
    expect(csv).toContain('62.01;63.11');
    const doc = analyticsDocument(2026, 1, '2026-04-30', '2026-04-21', { rows: [row], figures: [], minReportsForTotals: 3 });
    expect(doc).toContain('Quarterly reports submitted: 1 of 1');
    expect(doc).toContain('due by 2026-04-30');
    expect(doc).toContain('on the expediency of participants’ projects'.replace('’', "'"));
  });
});
