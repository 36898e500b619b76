import { ValidationError } from '@hub/kernel';
import { compareIsoDates, roundKzt, type IsoDate } from '../../shared/domain/calendar.js';

/**
 * F-22, F-23: the membership fee is set by the Fund's internal document — a tariff that changes
 * over time. Each version has an effective period; the version in force on the last day of the
 * quarter prices that quarter's income.
 */
export interface TariffVersion {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate;
  /** Share of the quarter's declared income (0.01 = 1 %). */
  readonly rateOfIncome: number;
  /** Smallest fee of a quarter with any income, KZT (0 = none). */
  readonly minimumKzt: number;
  readonly source: string;
}

export class Tariff {
  constructor(private readonly versions: readonly TariffVersion[]) {
    const sorted = [...versions].sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      if (!prev.effectiveTo || compareIsoDates(prev.effectiveTo, sorted[i]!.effectiveFrom) >= 0) {
        throw ValidationError.field(`tariff[${i}].effectiveFrom`, `tariff ${sorted[i]!.id} overlaps ${prev.id}`, 'tariff.overlap');
      }
    }
    this.versions = sorted;
  }

  versionAt(date: IsoDate): TariffVersion {
    const v = this.versions.find((t) => compareIsoDates(t.effectiveFrom, date) <= 0 && (!t.effectiveTo || compareIsoDates(date, t.effectiveTo) <= 0));
    if (!v) throw ValidationError.field('tariff', `no membership-fee tariff is in force on ${date}`, 'tariff.missing');
    return v;
  }

  /** F-21 … F-23: the fee on a quarter's declared income. */
  feeFor(incomeKzt: number, quarterEndDate: IsoDate): { tariffId: string; feeKzt: number } {
    const v = this.versionAt(quarterEndDate);
    const raw = roundKzt(incomeKzt * v.rateOfIncome);
    return { tariffId: v.id, feeKzt: incomeKzt > 0 ? Math.max(raw, v.minimumKzt) : 0 };
  }
}
