/**
 * The thresholds file (`data/thresholds.json`, optionally one more file named by
 * HUB_REFERENCE_DATA_FILE) and its validation. Format in the package README.
 */
import { readFileSync } from 'node:fs';
import { compareIsoDates, isIsoDate, type IsoDate } from '@hub/calendar';
import type { FieldIssue } from '@hub/kernel';
import { ReferenceDataError } from './reference-data.errors.js';

/** One value of a threshold and the period in which it is in force (both ends inclusive). */
export interface ThresholdValue {
  key: string;
  value: number;
  unit: string;
  effectiveFrom: IsoDate;
  /** The last day the value is in force; absent = open-ended. */
  effectiveTo?: IsoDate;
  /** The rules that use the value, e.g. ['F-9(2)', 'F-68(1)']. */
  ruleIds: string[];
  source: string;
  note?: string;
}

const ENTRY_FIELDS = ['key', 'value', 'unit', 'effectiveFrom', 'effectiveTo', 'ruleIds', 'source', 'note', '$comment'];
const KEY = /^[A-Za-z0-9][A-Za-z0-9._()-]*$/;

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readThresholdsFile(file: string): ThresholdValue[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReferenceDataError(file, [{ path: '(file)', message: `cannot be read: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReferenceDataError(file, [{ path: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  return validateThresholds(raw, file);
}

/** Validates the file's shape, each entry, and that no key has overlapping periods. */
export function validateThresholds(raw: unknown, file: string): ThresholdValue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message, code: 'reference-data.invalid' });
  };
  if (!isRecord(raw)) throw new ReferenceDataError(file, [{ path: '(root)', message: `expected a JSON object, got ${describe(raw)}` }]);
  for (const k of Object.keys(raw)) if (k !== 'thresholds' && k !== '$comment') add(k, 'unknown field (allowed: thresholds, $comment)');
  const list = raw.thresholds;
  if (!Array.isArray(list)) {
    add('thresholds', `expected an array, got ${describe(list)}`);
    throw new ReferenceDataError(file, issues);
  }

  const out: { entry: ThresholdValue; path: string }[] = [];
  (list as unknown[]).forEach((e, i) => {
    const path = `thresholds[${i}]`;
    if (!isRecord(e)) return add(path, `expected an object, got ${describe(e)}`);
    for (const k of Object.keys(e)) if (!ENTRY_FIELDS.includes(k)) add(`${path}.${k}`, `unknown field (allowed: ${ENTRY_FIELDS.join(', ')})`);
    const before = issues.length;
    const { key, value, unit, effectiveFrom, effectiveTo, ruleIds, source, note } = e;
    if (typeof key !== 'string' || !KEY.test(key)) add(`${path}.key`, `expected a key like 'deadline.notification-wd', got ${describe(key)}`);
    if (typeof value !== 'number' || !Number.isFinite(value)) add(`${path}.value`, `expected a finite number, got ${describe(value)}`);
    if (typeof unit !== 'string' || unit.trim() === '') add(`${path}.unit`, `expected a non-empty string, got ${describe(unit)}`);
    if (typeof effectiveFrom !== 'string' || !isIsoDate(effectiveFrom))
      add(`${path}.effectiveFrom`, `expected a date 'YYYY-MM-DD', got ${describe(effectiveFrom)}`);
    if (effectiveTo !== undefined && (typeof effectiveTo !== 'string' || !isIsoDate(effectiveTo))) {
      add(`${path}.effectiveTo`, `expected a date 'YYYY-MM-DD' or no field, got ${describe(effectiveTo)}`);
    }
    if (!Array.isArray(ruleIds) || !ruleIds.every((r) => typeof r === 'string' && r.trim() !== '')) {
      add(`${path}.ruleIds`, `expected an array of rule IDs like "F-9(2)", got ${describe(ruleIds)}`);
    }
    if (typeof source !== 'string' || source.trim() === '') add(`${path}.source`, `expected a non-empty string naming the source, got ${describe(source)}`);
    if (note !== undefined && typeof note !== 'string') add(`${path}.note`, `expected a string, got ${describe(note)}`);
    if (issues.length > before) return;
    const entry: ThresholdValue = {
      key: key as string,
      value: value as number,
      unit: unit as string,
      effectiveFrom: effectiveFrom as string,
      ...(effectiveTo !== undefined ? { effectiveTo: effectiveTo as string } : {}),
      ruleIds: [...(ruleIds as string[])],
      source: source as string,
      ...(note !== undefined ? { note: note as string } : {}),
    };
    if (entry.effectiveTo !== undefined && compareIsoDates(entry.effectiveTo, entry.effectiveFrom) < 0) {
      return add(`${path}.effectiveTo`, `key '${entry.key}': effectiveTo ${entry.effectiveTo} is before effectiveFrom ${entry.effectiveFrom}`);
    }
    out.push({ entry, path });
  });

  const byKey = new Map<string, { entry: ThresholdValue; path: string }[]>();
  for (const x of out) byKey.set(x.entry.key, [...(byKey.get(x.entry.key) ?? []), x]);
  for (const [key, xs] of byKey) {
    xs.sort((a, b) => compareIsoDates(a.entry.effectiveFrom, b.entry.effectiveFrom));
    for (let i = 1; i < xs.length; i += 1) {
      const prev = xs[i - 1];
      const cur = xs[i];
      if (!prev || !cur) continue;
      if (prev.entry.effectiveTo === undefined || compareIsoDates(prev.entry.effectiveTo, cur.entry.effectiveFrom) >= 0) {
        add(cur.path, `key '${key}': the period ${period(cur.entry)} overlaps ${period(prev.entry)} of ${prev.path}`);
      }
    }
  }

  if (issues.length > 0) throw new ReferenceDataError(file, issues);
  return out.map((x) => x.entry);
}

export function period(t: Pick<ThresholdValue, 'effectiveFrom' | 'effectiveTo'>): string {
  return `${t.effectiveFrom}…${t.effectiveTo ?? '(open)'}`;
}
