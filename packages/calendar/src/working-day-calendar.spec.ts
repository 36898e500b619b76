import { ValidationError } from '@hub/kernel';
import { describe, expect, it } from 'vitest';
import { CalendarYearNotLoadedError } from './calendar.errors.js';
import { addCalendarDays } from './iso-date.js';
import { SHIPPED_KZ_DATA_DIR, readCalendarDir, workingDayCalendarFrom } from './kz-calendar.js';

// The shipped data only, whatever HUB_CALENDAR_DIR says in the environment.
const cal = workingDayCalendarFrom(readCalendarDir(SHIPPED_KZ_DATA_DIR));

/** All days off of a year that are not plain Saturdays/Sundays, with their reasons. */
function weekdayDaysOff(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
    const reason = cal.dayOffReason(d);
    if (reason !== null && reason !== 'weekend') out.push(d);
  }
  return out;
}

/** Working days in [1 Jan, 31 Dec] without touching the previous year. */
function workingDaysInYear(year: number): number {
  return cal.workingDaysBetween(`${year}-01-01`, `${year}-12-31`) + (cal.isWorkingDay(`${year}-01-01`) ? 1 : 0);
}

describe('shipped data', () => {
  it('covers 2024–2029 (2027–2029 provisional)', () => {
    expect(cal.loadedYears()).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
  });

  it('working days per year (five-day week) match the published totals: 2025 246, 2026 247', () => {
    expect(workingDaysInYear(2024)).toBe(249);
    expect(workingDaysInYear(2025)).toBe(246); // 365 − 119 days off (ministry calendar 2025)
    expect(workingDaysInYear(2026)).toBe(247); // 246 published in Dec 2025 + Mon 31 Aug, no longer a day off
    expect(workingDaysInYear(2027)).toBe(247); // provisional
  });
});

describe('Law No. 267 art. 5: a holiday on a day off makes the next working day a day off', () => {
  it('2025: 8 Mar (Sat) moves to Mon 10 Mar', () => {
    expect(cal.isWorkingDay('2025-03-10')).toBe(false);
    expect(cal.dayOffReason('2025-03-10')).toMatch(/International Women's Day .*moved from 2025-03-08.*Law No\. 267 art\. 5/);
    expect(cal.isWorkingDay('2025-03-11')).toBe(true);
  });

  it('2025 Nauryz: Fri 21 – Sun 23 Mar → days off 21–25 Mar, Wed 26 Mar works', () => {
    for (const d of ['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.dayOffReason('2025-03-24')).toMatch(/Nauryz meiramy \(day off moved from 2025-03-22/);
    expect(cal.dayOffReason('2025-03-25')).toMatch(/Nauryz meiramy \(day off moved from 2025-03-23/);
    expect(cal.isWorkingDay('2025-03-26')).toBe(true);
    expect(cal.isWorkingDay('2025-03-20')).toBe(true);
  });

  it('2026 Nauryz: Sat 21 and Sun 22 each get their own day (Tue 24, Wed 25), since Mon 23 is itself a holiday', () => {
    expect(cal.dayOffReason('2026-03-21')).toBe('Nauryz meiramy');
    expect(cal.dayOffReason('2026-03-23')).toBe('Nauryz meiramy');
    expect(cal.dayOffReason('2026-03-24')).toMatch(/moved from 2026-03-21/);
    expect(cal.dayOffReason('2026-03-25')).toMatch(/moved from 2026-03-22/);
    expect(cal.isWorkingDay('2026-03-26')).toBe(true);
    expect(cal.isWorkingDay('2026-03-20')).toBe(true);
  });

  it('2027 Nauryz: Sun 21 moves past the holidays 22–23 to Wed 24; Thu 25 works', () => {
    expect(cal.dayOffReason('2027-03-24')).toMatch(/moved from 2027-03-21/);
    expect(cal.isWorkingDay('2027-03-25')).toBe(true);
  });

  it('2026 days off on weekdays are exactly the published ones', () => {
    expect(weekdayDaysOff(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-05-01',
      '2026-05-07',
      '2026-05-09',
      '2026-05-11',
      '2026-05-27',
      '2026-07-06',
      '2026-10-25',
      '2026-10-26',
      '2026-12-16',
    ]);
  });
});

describe('Labour Code art. 84(5): 7 Jan and the first day of Kurban Ait are days off without weekend shift', () => {
  it('7 Jan on a Sunday (2024) does not make Mon 8 Jan a day off', () => {
    expect(cal.dayOffReason('2024-01-07')).toBe('Orthodox Christmas');
    expect(cal.isWorkingDay('2024-01-08')).toBe(true);
  });

  it('7 Jan on a weekday is a day off (2025 Tue, 2026 Wed)', () => {
    expect(cal.dayOffReason('2025-01-07')).toBe('Orthodox Christmas');
    expect(cal.isWorkingDay('2026-01-07')).toBe(false);
    expect(cal.isWorkingDay('2026-01-08')).toBe(true);
  });

  it('Kurban Ait 2026-05-27 (Wed) is a day off; Thu 28 May works', () => {
    expect(cal.dayOffReason('2026-05-27')).toBe('Kurban Ait (first day)');
    expect(cal.isWorkingDay('2026-05-28')).toBe(true);
  });

  it('Kurban Ait 2025-06-06 (Fri) is a day off; Mon 9 Jun works', () => {
    expect(cal.isWorkingDay('2025-06-06')).toBe(false);
    expect(cal.isWorkingDay('2025-06-09')).toBe(true);
  });

  it('Kurban Ait 2024-06-16 fell on a Sunday: Mon 17 Jun 2024 was a working day', () => {
    expect(cal.dayOffReason('2024-06-16')).toBe('Kurban Ait (first day)');
    expect(cal.isWorkingDay('2024-06-17')).toBe(true);
  });

  it('Kurban Ait 2027 is not announced (estimate Sun 16 May): Mon 17 May 2027 is a working day', () => {
    expect(cal.dayOffReason('2027-05-16')).toBe('weekend');
    expect(cal.isWorkingDay('2027-05-17')).toBe(true);
  });
});

describe('Labour Code art. 85(3): transfer orders of the labour ministry', () => {
  it('2025: Fri 3 Jan is a day off and Sun 5 Jan a working day (Order No. 436 of 21 Nov 2024)', () => {
    expect(cal.isWorkingDay('2025-01-03')).toBe(false);
    expect(cal.dayOffReason('2025-01-03')).toMatch(/^transfer: Order No\. 436 of 21 Nov 2024/);
    expect(cal.isWorkingDay('2025-01-05')).toBe(true);
    expect(cal.dayOffReason('2025-01-05')).toBeNull();
    expect(cal.isWorkingDay('2025-01-04')).toBe(false);
  });

  it('2024: Wed 8 May was a day off and Sat 4 May a working day (order of 17 Apr 2024)', () => {
    expect(cal.dayOffReason('2024-05-08')).toMatch(/^transfer: Order .* of 17 Apr 2024/);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
  });
});

describe('the holidays of the year', () => {
  it('1 May, 7 May and 9 May 2026: Fri 1, Thu 7 off, Fri 8 works, Sat 9 moves to Mon 11', () => {
    expect(cal.dayOffReason('2026-05-01')).toBe("Kazakhstan People's Unity Day");
    expect(cal.dayOffReason('2026-05-07')).toBe('Defender of the Fatherland Day');
    expect(cal.isWorkingDay('2026-05-08')).toBe(true);
    expect(cal.dayOffReason('2026-05-09')).toBe('Victory Day');
    expect(cal.dayOffReason('2026-05-11')).toMatch(/^Victory Day \(day off moved from 2026-05-09/);
    expect(cal.isWorkingDay('2026-05-12')).toBe(true);
  });

  it('1 May and 9 May 2027 both fall on weekends and get separate shifted days (Mon 3 and Mon 10 May)', () => {
    expect(cal.dayOffReason('2027-05-03')).toMatch(/moved from 2027-05-01/);
    expect(cal.dayOffReason('2027-05-10')).toMatch(/moved from 2027-05-09/);
    expect(cal.isWorkingDay('2027-05-04')).toBe(true);
  });

  it('Constitution Day 30 Aug until 2025 (2025: Sat → Mon 1 Sep)', () => {
    expect(cal.dayOffReason('2024-08-30')).toBe('Constitution Day');
    expect(cal.dayOffReason('2025-09-01')).toMatch(/^Constitution Day \(day off moved from 2025-08-30/);
  });

  it('2026: 30 Aug is not a holiday (a Sunday anyway) and Mon 31 Aug 2026 is a working day', () => {
    expect(cal.dayOffReason('2026-08-30')).toBe('weekend');
    expect(cal.isWorkingDay('2026-08-31')).toBe(true);
  });

  it('from 2027 Constitution Day is 15 Mar; 30 Aug 2027 (Mon) works', () => {
    expect(cal.dayOffReason('2027-03-15')).toBe('Constitution Day');
    expect(cal.isWorkingDay('2027-08-30')).toBe(true);
  });

  it('Republic Day 25 Oct (2026: Sun → Mon 26 Oct)', () => {
    expect(cal.dayOffReason('2026-10-25')).toBe('Republic Day');
    expect(cal.dayOffReason('2026-10-26')).toMatch(/^Republic Day \(day off moved/);
    expect(cal.dayOffReason('2024-10-25')).toBe('Republic Day');
  });

  it('Independence Day is 16 Dec only (17 Dec works since 2022)', () => {
    for (const y of [2024, 2025, 2026, 2027]) {
      expect(cal.dayOffReason(`${y}-12-16`)).toBe('Independence Day');
    }
    expect(cal.isWorkingDay('2025-12-17')).toBe(true);
    expect(cal.isWorkingDay('2026-12-17')).toBe(true);
  });

  it("New Year 2027: Sat 2 Jan moves to Mon 4 Jan; Thu 7 Jan off; 'weekend' for a plain Saturday", () => {
    expect(cal.dayOffReason('2027-01-04')).toMatch(/^New Year \(day off moved from 2027-01-02/);
    expect(cal.isWorkingDay('2027-01-05')).toBe(true);
    expect(cal.dayOffReason('2027-01-09')).toBe('weekend');
    expect(cal.dayOffReason('2027-01-08')).toBeNull();
  });
});

describe('addWorkingDays: statutory deadlines', () => {
  it('F-12: 5 WD after filing on Fri 2026-03-20 is Wed 2026-04-01 (Nauryz 21–25 Mar skipped)', () => {
    // 26 Thu (1), 27 Fri (2), 30 Mon (3), 31 Tue (4), 1 Apr Wed (5)
    expect(cal.addWorkingDays('2026-03-20', 5)).toBe('2026-04-01');
    expect(cal.workingDaysBetween('2026-03-20', '2026-04-01')).toBe(5);
  });

  it('F-12: filing on Mon 2026-01-05 → review due Tue 2026-01-13 (7 Jan skipped)', () => {
    expect(cal.addWorkingDays('2026-01-05', 5)).toBe('2026-01-13');
  });

  it('F-12: filing on Fri 2025-12-26 → due Tue 2026-01-06, across the New Year', () => {
    expect(cal.addWorkingDays('2025-12-26', 5)).toBe('2026-01-06');
  });

  it('F-14: filing on the holiday Thu 2025-01-02 → the working Sunday 5 Jan counts: due Fri 2025-01-10', () => {
    // 3 Jan off (transfer), 4 Sat, 5 Sun works (1), 6 Mon (2), 7 Tue off, 8 (3), 9 (4), 10 (5)
    expect(cal.addWorkingDays('2025-01-02', 5)).toBe('2025-01-10');
  });

  it('F-15: 10 WD for the Commission from Wed 2026-05-06 → Fri 2026-05-22 (7 and 11 May skipped)', () => {
    expect(cal.addWorkingDays('2026-05-06', 10)).toBe('2026-05-22');
  });

  it('F-18: certificate 3 WD after a contract signed Tue 2026-05-26 → Mon 2026-06-01 (Kurban Ait skipped)', () => {
    expect(cal.addWorkingDays('2026-05-26', 3)).toBe('2026-06-01');
  });

  it('F-61: housing handed back 2 WD after expulsion on Fri 2026-10-23 → Wed 2026-10-28', () => {
    expect(cal.addWorkingDays('2026-10-23', 2)).toBe('2026-10-28');
  });

  it('F-25: 10 WD before a term ending Wed 2026-04-01 is Fri 2026-03-13 (negative n)', () => {
    expect(cal.addWorkingDays('2026-04-01', -10)).toBe('2026-03-13');
    expect(cal.workingDaysBetween('2026-04-01', '2026-03-13')).toBe(-10);
  });

  it('F-25: 10 WD before a term ending Wed 2026-12-30 is Tue 2026-12-15 (16 Dec skipped)', () => {
    expect(cal.addWorkingDays('2026-12-30', -10)).toBe('2026-12-15');
  });

  it('n = 0 gives the date itself when working, else the next working day', () => {
    expect(cal.addWorkingDays('2026-03-26', 0)).toBe('2026-03-26');
    expect(cal.addWorkingDays('2026-03-21', 0)).toBe('2026-03-26');
  });

  it('negative n from a day off counts back from it (Sun 2026-03-22, −1 → Fri 20 Mar)', () => {
    expect(cal.addWorkingDays('2026-03-22', -1)).toBe('2026-03-20');
  });

  it('rejects a non-integer n and a malformed date', () => {
    expect(() => cal.addWorkingDays('2026-03-20', 2.5)).toThrow(ValidationError);
    expect(() => cal.addWorkingDays('20.03.2026', 1)).toThrow(/expected a calendar date/);
  });
});

describe('nextWorkingDay and workingDaysBetween', () => {
  it('nextWorkingDay is strictly after the date', () => {
    expect(cal.nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    expect(cal.nextWorkingDay('2026-03-26')).toBe('2026-03-27');
    expect(cal.nextWorkingDay('2025-01-02')).toBe('2025-01-05');
  });

  it('counts working days in (from, to]', () => {
    expect(cal.workingDaysBetween('2026-03-20', '2026-03-20')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-20', '2026-03-25')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-19', '2026-03-20')).toBe(1);
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-08')).toBe(3); // 5, 6 and 8 Jan (1–2, 7 Jan off)
    expect(cal.workingDaysBetween('2026-01-08', '2025-12-31')).toBe(-3);
  });
});

describe('years without data', () => {
  it('never treat an unknown year as all working days', () => {
    expect(() => cal.isWorkingDay('2030-03-01')).toThrow(CalendarYearNotLoadedError);
    expect(() => cal.dayOffReason('2023-12-29')).toThrow(CalendarYearNotLoadedError);
    expect(() => cal.addWorkingDays('2029-12-27', 5)).toThrow(CalendarYearNotLoadedError);
    expect(() => cal.addWorkingDays('2024-01-03', -5)).toThrow(CalendarYearNotLoadedError);
    expect(() => cal.nextWorkingDay('2029-12-31')).toThrow(CalendarYearNotLoadedError);
    expect(() => cal.workingDaysBetween('2026-01-01', '2030-01-10')).toThrow(CalendarYearNotLoadedError);
    expect(() => cal.workingDaysBetween('2023-12-01', '2024-01-10')).toThrow(CalendarYearNotLoadedError);
  });

  it('the error is a validation DomainError that names the year and how to add it', () => {
    let error: unknown;
    try {
      cal.addWorkingDays('2029-12-27', 5);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarYearNotLoadedError);
    const e = error as CalendarYearNotLoadedError;
    expect(e.kind).toBe('validation');
    expect(e.code).toBe('calendar.year-not-loaded');
    expect(e.year).toBe(2030);
    expect(e.message).toMatch(/2030 is not loaded/);
    expect(e.message).toMatch(/loaded years: 2024, 2025, 2026, 2027, 2028, 2029/);
    expect(e.message).toMatch(/HUB_CALENDAR_DIR/);
  });
});
