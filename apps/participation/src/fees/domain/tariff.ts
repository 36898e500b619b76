import { ValidationError, isTiyn, maxTiyn, parseKzt, parseRate, shareOf, ZERO, type DecimalRate, type Tiyn } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';

/**
 * F-22, F-23: the membership fee is set by the Fund's internal document — a tariff that changes
 * over time. Each version has an effective period; the version in force on the last day of the
 * quarter prices that quarter's income. As data (`data/fee-tariff.json`), amounts and rates are
 * decimal **text**, read exactly (ADR 0036): a float in the file would be a rounding waiting to happen.
 */
export interface TariffVersion {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate;
  /** Share of the quarter's declared income as decimal text ("0.01" = 1 %). */
  readonly rateOfIncome: string;
  /** Smallest fee of a quarter with any income, decimal KZT text ("0" = none). */
  readonly minimumKzt: string;
  readonly source: string;
}

interface PricedVersion {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate;
  readonly rate: DecimalRate;
  readonly minimum: Tiyn;
}

export interface PricedFee {
  readonly tariffId: string;
  readonly fee: Tiyn;
}

export class Tariff {
  private readonly versions: readonly PricedVersion[];

  constructor(versions: readonly TariffVersion[]) {
    const parsed = versions.map((v, i): PricedVersion => {
      if (typeof v.rateOfIncome !== 'string')
        throw ValidationError.field(`tariff[${i}].rateOfIncome`, 'must be decimal text such as "0.01" (ADR 0036)', 'tariff.rate');
      const minimum = typeof v.minimumKzt === 'string' ? parseKzt(v.minimumKzt) : null;
      if (minimum === null)
        throw ValidationError.field(`tariff[${i}].minimumKzt`, 'must be decimal KZT text such as "0" or "50000.00" (ADR 0036)', 'tariff.minimum');
      const base = { id: v.id, effectiveFrom: v.effectiveFrom, rate: parseRate(v.rateOfIncome, `tariff[${i}].rateOfIncome`), minimum };
      return v.effectiveTo === undefined ? base : { ...base, effectiveTo: v.effectiveTo };
    });
    const sorted = parsed.sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      if (!prev.effectiveTo || compareIsoDates(prev.effectiveTo, sorted[i]!.effectiveFrom) >= 0) {
        throw ValidationError.field(`tariff[${i}].effectiveFrom`, `tariff ${sorted[i]!.id} overlaps ${prev.id}`, 'tariff.overlap');
      }
    }
    this.versions = sorted;
  }

  private versionAt(date: IsoDate): PricedVersion {
    const v = this.versions.find((t) => compareIsoDates(t.effectiveFrom, date) <= 0 && (!t.effectiveTo || compareIsoDates(date, t.effectiveTo) <= 0));
    if (!v) throw ValidationError.field('tariff', `no membership-fee tariff is in force on ${date}`, 'tariff.missing');
    return v;
  }

  /**
   * F-21 … F-23: the fee on a quarter's declared income, in tiyn. The rounding rule (ADR 0036):
   * income × rate is rounded once, to the nearest tiyn, halves up; then the minimum applies to a
   * quarter with any income; no income, no fee.
   */
  feeFor(income: Tiyn, quarterEndDate: IsoDate): PricedFee {
    if (!isTiyn(income) || income < 0) throw ValidationError.field('income', 'the income must be a non-negative whole number of tiyn', 'money.not-integer');
    const v = this.versionAt(quarterEndDate);
    return { tariffId: v.id, fee: income > 0 ? maxTiyn(shareOf(income, v.rate), v.minimum) : ZERO };
  }
}
