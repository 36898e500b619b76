import { addCalendarDays, addMonths, compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';

/** One effective-dated version of the extension bounds (F-25, ADR 0050), in whole months. */
export interface ExtensionTermBoundsVersion {
  readonly effectiveFrom: IsoDate;
  readonly minMonths: number;
  readonly maxMonths: number;
}

/**
 * F-25 (ADR 0050): the length of an extension is the Fund's decision — the rules set no minimum (F-24's
 * minimum is for the participation term). The Fund bounds it by configurable, effective-dated data
 * (`data/extension-term.json`); the version in force on the day the new period starts applies.
 */
export class ExtensionTermBounds {
  private readonly versions: readonly ExtensionTermBoundsVersion[];

  constructor(versions: readonly ExtensionTermBoundsVersion[]) {
    if (versions.length === 0) throw new Error('extension term bounds: at least one version');
    for (const v of versions) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.effectiveFrom)) throw new Error(`extension term bounds: effectiveFrom ${v.effectiveFrom} is not YYYY-MM-DD`);
      if (!Number.isInteger(v.minMonths) || !Number.isInteger(v.maxMonths) || v.minMonths < 1 || v.maxMonths < v.minMonths) {
        throw new Error(`extension term bounds of ${v.effectiveFrom}: 1 ≤ minMonths ≤ maxMonths, whole months`);
      }
    }
    this.versions = [...versions].sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
  }

  /** The version in force on `date`. */
  inForceOn(date: IsoDate): ExtensionTermBoundsVersion {
    const v = [...this.versions].reverse().find((x) => compareIsoDates(x.effectiveFrom, date) <= 0);
    if (!v) throw new Error(`no extension term bounds in force on ${date}`);
    return v;
  }

  /** The earliest and latest admissible new end for an extension of a term ending on `currentTermEnd`. */
  rangeAfter(currentTermEnd: IsoDate): { earliestEnd: IsoDate; latestEnd: IsoDate } {
    const start = addCalendarDays(currentTermEnd, 1);
    const v = this.inForceOn(start);
    return { earliestEnd: addCalendarDays(addMonths(start, v.minMonths), -1), latestEnd: addCalendarDays(addMonths(start, v.maxMonths), -1) };
  }
}
