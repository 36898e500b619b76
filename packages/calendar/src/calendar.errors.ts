import { DomainError, ValidationError, type FieldIssue } from '@hub/kernel';

export const CALENDAR_DIR_ENV = 'HUB_CALENDAR_DIR';

/**
 * A date computation needed a year whose working-day data is not loaded. The calendar never
 * guesses (an unknown year is not "all working days"): add `<year>.json` to the data directory.
 */
export class CalendarYearNotLoadedError extends DomainError {
  readonly kind = 'validation' as const;
  readonly year: number;
  readonly loadedYears: readonly number[];

  constructor(year: number, loadedYears: readonly number[], date?: string) {
    const loaded = loadedYears.length > 0 ? loadedYears.join(', ') : 'none';
    super(
      'calendar.year-not-loaded',
      `working-day calendar data for ${year} is not loaded${date ? ` (needed for ${date})` : ''}; ` +
        `loaded years: ${loaded}. Add ${year}.json (holidays, non-shifting days off, transfer orders) ` +
        `to packages/calendar/data/kz/ or to the directory named by ${CALENDAR_DIR_ENV}`,
      { year, loadedYears: [...loadedYears], ...(date ? { date } : {}) },
    );
    this.year = year;
    this.loadedYears = [...loadedYears];
  }
}

/** A calendar data file is broken: every issue names the file and the field. */
export class CalendarDataError extends ValidationError {
  readonly file: string;

  constructor(file: string, issues: readonly FieldIssue[]) {
    super(issues, `invalid calendar data file ${file}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'calendar.data-invalid');
    this.file = file;
  }
}
