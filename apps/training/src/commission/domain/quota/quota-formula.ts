import { largestRemainder } from './largest-remainder.js';

/**
 * F-73: the Fund's calculation mechanism of the quota numbers (trainee places), versioned (ADR 0072).
 * A version is a pure function of declared inputs; the inputs are snapshotted with every allocation,
 * so that anyone can re-run it (`allocateQuotas(snapshot)`) and get the same numbers.
 */
export interface QuotaInput {
  readonly applicationId: string;
  /** The Commission's score: the mean of the members' scores (0 … 100) in thousandths, floored. */
  readonly commissionScoreMilli: number;
  /** The longest course of the application, in months (F-65(1)). */
  readonly courseMonths: number;
  /** The cheapest course's price per trainee, in tiyn (F-65(1), ADR 0036). */
  readonly pricePerTraineeTiyn: number;
}

export interface QuotaFormula {
  readonly version: string;
  readonly description: string;
  weight(input: QuotaInput): bigint;
}

/** Scale so that the integer division keeps nine significant digits of the ratio. */
const SCALE = 10n ** 12n;

/**
 * v1: weight = ⌊ score‰ × months × 10¹² / price per trainee ⌋ — more for a better score and a longer
 * course, less for a dearer place; integers only. Quotas = the budget apportioned by largest remainder.
 */
export const QUOTA_FORMULA_V1: QuotaFormula = {
  version: 'training-quota-v1',
  description:
    'weight = floor(commissionScoreMilli × courseMonths × 10^12 / pricePerTraineeTiyn); quotas = largest remainder of the budget over the weights (ties: larger remainder, larger weight, smaller application id)',
  weight: (i) => (BigInt(i.commissionScoreMilli) * BigInt(i.courseMonths) * SCALE) / BigInt(Math.max(1, i.pricePerTraineeTiyn)),
};

export const QUOTA_FORMULAS: Readonly<Record<string, QuotaFormula>> = { [QUOTA_FORMULA_V1.version]: QUOTA_FORMULA_V1 };

export interface QuotaLine {
  readonly applicationId: string;
  readonly inputs: QuotaInput;
  readonly weight: string;
  readonly floor: number;
  readonly remainder: string;
  readonly denominator: string;
  readonly remainderRank: number;
  readonly bonus: 0 | 1;
  readonly quota: number;
}
export interface QuotaCalculation {
  readonly formulaVersion: string;
  readonly formula: string;
  readonly budget: number;
  readonly lines: readonly QuotaLine[];
  readonly total: number;
}

/** Runs a formula version over the inputs (pure). The result's `total` equals the budget exactly. */
export function allocateQuotas(snapshot: { formulaVersion: string; budget: number; inputs: readonly QuotaInput[] }): QuotaCalculation {
  const formula = QUOTA_FORMULAS[snapshot.formulaVersion];
  if (!formula) throw new Error(`unknown quota formula ${snapshot.formulaVersion}`);
  const byId = new Map(snapshot.inputs.map((i) => [i.applicationId, i]));
  const apportioned = largestRemainder(
    snapshot.budget,
    snapshot.inputs.map((i) => ({ key: i.applicationId, weight: formula.weight(i) })),
  );
  const lines = apportioned.map((a) => ({
    applicationId: a.key,
    inputs: byId.get(a.key)!,
    weight: a.weight.toString(),
    floor: a.floor,
    remainder: a.remainder.toString(),
    denominator: a.denominator.toString(),
    remainderRank: a.remainderRank,
    bonus: a.bonus,
    quota: a.quota,
  }));
  return {
    formulaVersion: formula.version,
    formula: formula.description,
    budget: snapshot.budget,
    lines,
    total: lines.reduce((s, l) => s + l.quota, 0),
  };
}

/** The calculation as CSV (one line per application), for the downloadable report. */
export function quotaCalculationCsv(c: QuotaCalculation): string {
  const head =
    'formula_version,budget,application_id,commission_score_milli,course_months,price_per_trainee_tiyn,weight,floor,remainder,denominator,remainder_rank,bonus,quota';
  const rows = c.lines.map((l) =>
    [
      c.formulaVersion,
      c.budget,
      l.applicationId,
      l.inputs.commissionScoreMilli,
      l.inputs.courseMonths,
      l.inputs.pricePerTraineeTiyn,
      l.weight,
      l.floor,
      l.remainder,
      l.denominator,
      l.remainderRank,
      l.bonus,
      l.quota,
    ].join(','),
  );
  return [head, ...rows].join('\n') + '\n';
}
