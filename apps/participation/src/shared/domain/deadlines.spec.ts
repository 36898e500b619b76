import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { referenceData, referenceDataFrom, readThresholdsFile, SHIPPED_THRESHOLDS_FILE } from '@hub/reference-data';
import { Deadlines } from './deadlines.js';

const d = new Deadlines(kzCalendar(), referenceData());

describe('statutory deadlines of the participation context', () => {
  it('F-21: the fee is due on the 25th of the month after the quarter, moved to the next working day', () => {
    expect(d.feeDueDate(2026, 4)).toBe('2027-01-25'); // a Monday
    expect(d.feeDueDate(2026, 1)).toBe('2026-04-27'); // 25 Apr 2026 is a Saturday
    expect(d.feeDueDate(2026, 3)).toBe('2026-10-27'); // 25 Oct: Sunday and Republic Day, Monday 26 is its day off
  });

  it('F-37, F-39: the quarterly report is due on the 20th of the month after the quarter', () => {
    expect(d.reportDueDate(2026, 1)).toBe('2026-04-20');
    expect(d.reportDueDate(2026, 4)).toBe('2027-01-20');
  });

  it('F-41: analytics are due within the calendar month after the quarter', () => {
    expect(d.analyticsDueDate(2026, 1)).toBe('2026-04-30');
    expect(d.analyticsDueDate(2026, 4)).toBe('2027-01-31');
  });

  it('F-24: the minimum term comes from reference data (12 months): the earliest end is start + 12 months − 1 day', () => {
    expect(d.minimumTermMonths('2026-03-02')).toBe(12);
    expect(d.earliestTermEnd('2026-03-02')).toBe('2027-03-01');
    expect(d.earliestTermEnd('2026-02-28')).toBe('2027-02-27');
  });

  it('F-24: a changed minimum in reference data changes the rule without code', () => {
    const base = readThresholdsFile(SHIPPED_THRESHOLDS_FILE).filter((t) => t.key !== 'participation-min-term-months');
    const rd = referenceDataFrom([
      ...base,
      { key: 'participation-min-term-months', value: 24, unit: 'months', effectiveFrom: '2026-01-16', ruleIds: ['F-24'], source: 'test' },
    ]);
    expect(new Deadlines(kzCalendar(), rd).earliestTermEnd('2026-03-02')).toBe('2028-03-01');
  });

  it('F-25: an extension is due 10 WD before the term ends', () => {
    expect(d.extensionDeadline('2027-03-01')).toBe('2027-02-15');
    expect(d.extensionDeadlineIfKnown('2099-03-01')).toBeNull();
  });

  it('F-29, F-32, F-38, F-34: 10 WD counted on the Kazakh calendar (8 March 2026 is a Sunday, Monday 9 March is off)', () => {
    expect(d.earliestWithdrawalDate('2026-03-02')).toBe('2026-03-17');
    expect(d.informationRequestDueDate('2026-03-02')).toBe('2026-03-17');
    expect(d.corporateNoticeDueDate('2026-03-02')).toBe('2026-03-17');
    expect(d.auditReportRequestDueDate('2026-03-02')).toBe('2026-03-17');
  });

  it('F-33 (ADR 0052): «1 шілдеге дейін» — the audit opinion on a year is due before 1 July of the next year: 30 June is the last day, even on a day off; the threshold is 100 000 000 KZT', () => {
    expect(d.auditOpinionDueDate(2026)).toBe('2027-06-30'); // a Wednesday
    expect(d.auditOpinionDueDate(2028)).toBe('2029-06-30'); // a Saturday: not moved to Monday 2 July
    expect(Deadlines.missedAt(d.auditOpinionDueDate(2026)).toISOString()).toBe('2027-06-30T19:00:00.000Z'); // 1 July 00:00 in Almaty
    expect(d.auditIncomeThresholdKzt(2026)).toBe(100_000_000);
  });

  it('a deadline "by D" is missed at the first instant of D + 1 in Almaty', () => {
    expect(Deadlines.missedAt('2026-04-20').toISOString()).toBe('2026-04-20T19:00:00.000Z');
  });
});
