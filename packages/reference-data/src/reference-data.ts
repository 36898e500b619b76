/**
 * Thresholds of the rules as data with effective periods: the MCI of each year, 6 × MCI, the
 * 100 M KZT audit threshold, every statutory deadline length. Code asks for a key at a date; a
 * value that is not in force on that date is an error, never a fallback.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCalendarDays, compareIsoDates, parseIsoDate, startOfAlmatyDay, type IsoDate } from '@hub/calendar';
import { ValidationError } from '@hub/kernel';
import { REFERENCE_DATA_FILE_ENV, ReferenceValueMissingError } from './reference-data.errors.js';
import { period, readThresholdsFile, type ThresholdValue } from './thresholds-file.js';

export interface ReferenceData {
  /** The value of `key` in force on `date` (throws ReferenceValueMissingError when there is none). */
  valueAt(key: string, date: IsoDate): ThresholdValue;
  numberAt(key: string, date: IsoDate): number;
  /** Every value of `key`, oldest first (throws ReferenceValueMissingError for an unknown key). */
  history(key: string): ThresholdValue[];
  keys(): string[];
  /** Like valueAt, but undefined when no value is in force (e.g. a rule not yet in force). */
  findAt(key: string, date: IsoDate): ThresholdValue | undefined;
}

/** The thresholds file shipped with the package (`src/` and `dist/` both sit beside `data/`). */
export const SHIPPED_THRESHOLDS_FILE = fileURLToPath(new URL('../data/thresholds.json', import.meta.url));

function copy(t: ThresholdValue): ThresholdValue {
  return { ...t, ruleIds: [...t.ruleIds] };
}

class ThresholdTable implements ReferenceData {
  private readonly byKey = new Map<string, ThresholdValue[]>();

  constructor(entries: readonly ThresholdValue[]) {
    for (const e of entries) this.byKey.set(e.key, [...(this.byKey.get(e.key) ?? []), copy(e)]);
    for (const list of this.byKey.values()) list.sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  history(key: string): ThresholdValue[] {
    return this.list(key, undefined).map(copy);
  }

  findAt(key: string, date: IsoDate): ThresholdValue | undefined {
    parseIsoDate(date, 'date');
    const hit = this.list(key, date).find(
      (t) => compareIsoDates(t.effectiveFrom, date) <= 0 && (t.effectiveTo === undefined || compareIsoDates(date, t.effectiveTo) <= 0),
    );
    return hit ? copy(hit) : undefined;
  }

  valueAt(key: string, date: IsoDate): ThresholdValue {
    const hit = this.findAt(key, date);
    if (hit) return hit;
    const loaded = this.list(key, date)
      .map((t) => `${period(t)} = ${t.value} ${t.unit}`)
      .join(', ');
    throw new ReferenceValueMissingError(key, date, `loaded periods of '${key}': ${loaded}`);
  }

  numberAt(key: string, date: IsoDate): number {
    return this.valueAt(key, date).value;
  }

  private list(key: string, date: IsoDate | undefined): ThresholdValue[] {
    const list = this.byKey.get(key);
    if (!list) throw new ReferenceValueMissingError(key, date, `unknown key; known keys: ${this.keys().join(', ')}`);
    return list;
  }
}

/**
 * Entries of `extra` take precedence: for every key they mention, the base entries are cut back
 * to the days the extra entries do not cover (so an extra file can add a year, or change a value
 * from a date on, without repeating the whole history).
 */
export function mergeThresholds(base: readonly ThresholdValue[], extra: readonly ThresholdValue[]): ThresholdValue[] {
  const out: ThresholdValue[] = [];
  for (const b of base) {
    let pieces: { from: IsoDate; to: IsoDate | undefined }[] = [{ from: b.effectiveFrom, to: b.effectiveTo }];
    for (const x of extra) {
      if (x.key !== b.key) continue;
      const next: typeof pieces = [];
      for (const p of pieces) {
        const disjoint =
          (p.to !== undefined && compareIsoDates(p.to, x.effectiveFrom) < 0) || (x.effectiveTo !== undefined && compareIsoDates(x.effectiveTo, p.from) < 0);
        if (disjoint) {
          next.push(p);
          continue;
        }
        if (compareIsoDates(p.from, x.effectiveFrom) < 0) next.push({ from: p.from, to: addCalendarDays(x.effectiveFrom, -1) });
        if (x.effectiveTo !== undefined && (p.to === undefined || compareIsoDates(x.effectiveTo, p.to) < 0)) {
          next.push({ from: addCalendarDays(x.effectiveTo, 1), to: p.to });
        }
      }
      pieces = next;
    }
    for (const p of pieces) {
      const { effectiveTo: _dropped, ...rest } = b;
      out.push({ ...rest, effectiveFrom: p.from, ...(p.to !== undefined ? { effectiveTo: p.to } : {}), ruleIds: [...b.ruleIds] });
    }
  }
  return [...out, ...extra.map(copy)];
}

/** Builds reference data from entries already in memory (tests, tools). */
export function referenceDataFrom(entries: readonly ThresholdValue[]): ReferenceData {
  return new ThresholdTable(entries);
}

function load(extraFile: string | undefined): ReferenceData {
  const base = readThresholdsFile(SHIPPED_THRESHOLDS_FILE);
  return new ThresholdTable(extraFile ? mergeThresholds(base, readThresholdsFile(extraFile)) : base);
}

const defaultCache = new Map<string, ReferenceData>();

/**
 * The platform's reference data: the shipped thresholds plus, optionally, one extra file
 * (option `extraFile`, else env HUB_REFERENCE_DATA_FILE) whose entries override the shipped ones
 * for the periods they cover. Without options the instance is cached (keyed by the env value).
 */
export function referenceData(options?: { extraFile?: string }): ReferenceData {
  const raw = options?.extraFile ?? process.env[REFERENCE_DATA_FILE_ENV];
  const extraFile = raw !== undefined && raw.trim() !== '' ? resolve(raw) : undefined;
  if (options !== undefined) return load(extraFile);
  const key = extraFile ?? '';
  let rd = defaultCache.get(key);
  if (!rd) {
    rd = load(extraFile);
    defaultCache.set(key, rd);
  }
  return rd;
}

/**
 * The monthly calculation index (МРП/АЕК) of `year`: the value set by the republican budget law
 * and in force on 1 January of that year (the Tax Code's convention for tax thresholds).
 */
export function mciFor(year: number, rd: ReferenceData = referenceData()): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw ValidationError.field('year', `expected a four-digit year, got ${String(year)}`, 'year.invalid');
  }
  return rd.numberAt('mci', `${year}-01-01`);
}

/**
 * F-9(2), F-68(1): the tax-debt limit in KZT for an application filed on `filingDate`:
 * the multiplier in force on that date (6) × the MCI of the filing year.
 */
export function taxDebtLimitKzt(filingDate: IsoDate, rd: ReferenceData = referenceData()): number {
  const date = parseIsoDate(filingDate, 'filingDate');
  return rd.numberAt('tax-debt-limit-mci-multiplier', date) * mciFor(Number(date.slice(0, 4)), rd);
}

/**
 * F-9(2), F-68(1) in tiyn (1 KZT = 100 tiyn, ADR 0036): the same limit as `taxDebtLimitKzt`, as an
 * exact integer so that a debt in tiyn is compared with it without a float. The MCI is read from
 * its decimal text (at most 2 decimals) and the multiplier must be a whole number; anything else is
 * an error in the reference data, never rounded.
 */
export function taxDebtLimitTiyn(filingDate: IsoDate, rd: ReferenceData = referenceData()): number {
  const date = parseIsoDate(filingDate, 'filingDate');
  const multiplier = rd.numberAt('tax-debt-limit-mci-multiplier', date);
  const mci = mciFor(Number(date.slice(0, 4)), rd);
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(String(mci));
  if (!m || !Number.isSafeInteger(multiplier) || multiplier < 0) {
    throw ValidationError.field(
      'mci',
      `the tax-debt limit needs a whole multiplier and an MCI in KZT with at most 2 decimals, got ${String(multiplier)} × ${String(mci)}`,
      'reference.not-money',
    );
  }
  const limit = multiplier * (Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
  if (!Number.isSafeInteger(limit))
    throw ValidationError.field(
      'mci',
      `the tax-debt limit ${String(multiplier)} × ${String(mci)} KZT is beyond an exact amount of tiyn`,
      'reference.not-money',
    );
  return limit;
}

/**
 * F-42 (ADRs 0119, 0124): the last day personal data is kept whose purpose ended in `year` — 31 December
 * of that year plus `f42.personal-data-retention-years` in force on `decidedOn` (the day the purpose
 * ended: a quarterly report submitted, a housing contract or request ended, a training contract signed).
 * A later change of the period applies to data whose purpose ends after it. Shared by every context that
 * deletes F-42 data by a durable timer (participation, housing, training).
 */
export function f42RetainUntil(year: number, decidedOn: IsoDate, rd: ReferenceData = referenceData()): IsoDate {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw ValidationError.field('year', `expected a four-digit year, got ${String(year)}`, 'year.invalid');
  return `${year + rd.numberAt('f42.personal-data-retention-years', parseIsoDate(decidedOn, 'decidedOn'))}-12-31`;
}

/** F-42 (ADR 0119): the instant the retention ends and the data goes — the first moment (00:00 Almaty) after the last day kept. */
export function f42RetentionEndsAt(retainUntil: IsoDate): Date {
  return startOfAlmatyDay(addCalendarDays(parseIsoDate(retainUntil, 'retainUntil'), 1));
}
