import { addCalendarDays, addMonths, compareIsoDates, formatIsoDate, quarterEnd, startOfAlmatyDay, type IsoDate, type WorkingDayCalendar } from './calendar.js';
import { CalendarYearNotLoadedError } from '@hub/calendar';
import { type ReferenceData, f42RetainUntil } from '@hub/reference-data';

/**
 * Every statutory deadline of the participation context, computed from the Kazakh working-day
 * calendar and the lengths in reference data (never literals). A deadline that falls on a day off
 * moves to the next working day (ADR 0021: the general rule for the end of a period).
 */
export class Deadlines {
  constructor(
    private readonly calendar: WorkingDayCalendar,
    private readonly rd: ReferenceData,
  ) {}

  /** The day after the quarter: the date on which a quarter's values are looked up. */
  private static dayAfter(year: number, quarter: number): IsoDate {
    return addCalendarDays(quarterEnd(year, quarter), 1);
  }

  private onWorkingDay(date: IsoDate): IsoDate {
    return this.calendar.isWorkingDay(date) ? date : this.calendar.nextWorkingDay(date);
  }

  private dayOfMonthAfterQuarter(key: string, year: number, quarter: number): IsoDate {
    const next = Deadlines.dayAfter(year, quarter);
    const day = this.rd.numberAt(key, next);
    return this.onWorkingDay(`${next.slice(0, 8)}${String(day).padStart(2, '0')}`);
  }

  /** F-21: the membership fee of a quarter is due by the 25th of the month after it. */
  feeDueDate(year: number, quarter: number): IsoDate {
    return this.dayOfMonthAfterQuarter('deadline.fee-day-of-month', year, quarter);
  }

  /** F-37, F-39: the quarterly activity report is due by the 20th of the month after the quarter. */
  reportDueDate(year: number, quarter: number): IsoDate {
    return this.dayOfMonthAfterQuarter('deadline.quarterly-report-day-of-month', year, quarter);
  }

  /** F-41: analytical information goes to the authorised body within the calendar month after the quarter. */
  analyticsDueDate(year: number, quarter: number): IsoDate {
    const next = Deadlines.dayAfter(year, quarter);
    const months = this.rd.numberAt('deadline.analytics-months-after-quarter', next);
    return addCalendarDays(addMonths(next, months), -1);
  }

  /** F-35, F-41: the fewest submitted reports whose totals the analytics may show (ADR 0027); in force on the day after the quarter. */
  analyticsMinReportsForTotals(year: number, quarter: number): number {
    return this.rd.numberAt('analytics.min-reports-for-totals', Deadlines.dayAfter(year, quarter));
  }

  /** F-24: the shortest term the Fund may set, in months, in force on the start date. */
  minimumTermMonths(termStart: IsoDate): number {
    return this.rd.numberAt('participation-min-term-months', termStart);
  }

  /** F-24: the earliest admissible term end for a term starting on termStart (start + N months − 1 day). */
  earliestTermEnd(termStart: IsoDate): IsoDate {
    return addCalendarDays(addMonths(termStart, this.minimumTermMonths(termStart)), -1);
  }

  /** F-25: the last day an extension application is accepted: 10 WD before the term ends. */
  extensionDeadline(termEnd: IsoDate): IsoDate {
    const n = this.rd.numberAt('deadline.extension-before-end-wd', termEnd);
    return this.calendar.addWorkingDays(termEnd, -n);
  }

  /** F-25 for display: null while the working-day calendar of that year is not loaded (never a guess). */
  extensionDeadlineIfKnown(termEnd: IsoDate): IsoDate | null {
    try {
      return this.extensionDeadline(termEnd);
    } catch (e) {
      if (e instanceof CalendarYearNotLoadedError) return null;
      throw e;
    }
  }

  /** F-29: the earliest withdrawal date for a notice given on noticeDate (10 WD later). */
  earliestWithdrawalDate(noticeDate: IsoDate): IsoDate {
    return this.calendar.addWorkingDays(noticeDate, this.rd.numberAt('deadline.withdrawal-notice-wd', noticeDate));
  }

  /** F-32, F-38: a requested document is due 10 WD after the request. */
  informationRequestDueDate(requestedOn: IsoDate): IsoDate {
    return this.calendar.addWorkingDays(requestedOn, this.rd.numberAt('deadline.information-request-wd', requestedOn));
  }

  /** F-33: the audit report on request is due 10 WD after the request. */
  auditReportRequestDueDate(requestedOn: IsoDate): IsoDate {
    return this.calendar.addWorkingDays(requestedOn, this.rd.numberAt('deadline.audit-report-request-wd', requestedOn));
  }

  /** F-34: a re-registration or liquidation is notified within 10 WD of it. */
  corporateNoticeDueDate(eventDate: IsoDate): IsoDate {
    return this.calendar.addWorkingDays(eventDate, this.rd.numberAt('deadline.reorganisation-notice-wd', eventDate));
  }

  /**
   * F-33 (ADR 0052): «жыл сайын, 1 шілдеге дейін» — the opinion on financial year Y is submitted *before*
   * 1 July of Y + 1: the last day is 30 June (the day before the reference-data date). Not moved to a
   * working day: that would reach the very day the text excludes, and the opinion is filed electronically.
   */
  auditOpinionDueDate(financialYear: number): IsoDate {
    const lookup = `${financialYear + 1}-01-01`;
    const month = this.rd.numberAt('deadline.audit-opinion-month', lookup);
    const day = this.rd.numberAt('deadline.audit-opinion-day', lookup);
    return addCalendarDays(formatIsoDate(financialYear + 1, month, day), -1);
  }

  /** F-33: the annual income above which the audit is owed, in force at the end of the year. */
  auditIncomeThresholdKzt(financialYear: number): number {
    return this.rd.numberAt('audit-income-threshold-kzt', `${financialYear}-12-31`);
  }

  /**
   * F-42 (ADR 0119): the last day the non-residents' personal data of a report on `year` is kept —
   * 31 December of the report's year plus the retention years in force on the submission day.
   */
  f42RetainUntil(year: number, submittedOn: IsoDate): IsoDate {
    return f42RetainUntil(year, submittedOn, this.rd); // shared with housing and training (ADR 0124)
  }

  /** The instant a deadline "by date D" is missed: the first moment of D + 1 in Almaty. */
  static missedAt(dueDate: IsoDate): Date {
    return startOfAlmatyDay(addCalendarDays(dueDate, 1));
  }

  static isAfter(a: IsoDate, b: IsoDate): boolean {
    return compareIsoDates(a, b) > 0;
  }
}
