import { validateCalendarYearData } from './calendar-data.js';
import { SHIPPED_KZ_YEARS } from './kz-data.browser.js';
import { KzWorkingDayCalendar, type WorkingDayCalendar } from './working-day-calendar.js';

let shipped: WorkingDayCalendar | undefined;

/**
 * ADR 0122: the Kazakh working-day calendar over the years shipped with the package (data/kz, as
 * src/kz-data.browser.ts holds them) — without reading files, so a browser can preview working-day
 * dates. A year without data is `calendar.year-not-loaded`, never a guess. Servers use `kzCalendar()`
 * (which also reads HUB_CALENDAR_DIR).
 */
export function shippedKzCalendar(): WorkingDayCalendar {
  shipped ??= new KzWorkingDayCalendar(
    SHIPPED_KZ_YEARS.map((raw) => {
      const year = (raw as { year: number }).year;
      const file = `data/kz/${year}.json`;
      return { file, data: validateCalendarYearData(raw, file, year) };
    }),
  );
  return shipped;
}
