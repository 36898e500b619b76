import { AggregateRoot, ValidationError, type DomainEvent, type Tiyn } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';

/** F-33: the year's income was declared (or corrected). Internal. */
export type AnnualIncomeEvent = DomainEvent & { readonly name: 'AnnualIncomeDeclared'; readonly participationId: string; readonly financialYear: number };

/**
 * F-33 (ADR 0052): «Жылдық кірісі 100 000 000 теңгеден асатын» — the audit duty follows the company's
 * *annual* income: the full financial year, declared once the year is over, not the sum of the quarters
 * that fell inside the participation. A later declaration of the same year corrects it. Integer tiyn.
 */
export class AnnualIncome extends AggregateRoot<AnnualIncomeEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly financialYear!: number;
  readonly incomeTiyn!: Tiyn;
  readonly declaredOn!: IsoDate;
  readonly createdAt!: Date;
  readonly version!: number;

  private get self(): Mutable<AnnualIncome> {
    return this;
  }

  /** F-33: only a year that has ended can be declared in full. */
  static declare(
    props: { id: string; participationId: string; bin: string; financialYear: number; incomeTiyn: Tiyn; declaredOn: IsoDate },
    now: Date,
  ): AnnualIncome {
    AnnualIncome.assertYearEnded(props.financialYear, props.declaredOn);
    const a = new AnnualIncome();
    Object.assign(a, props, { createdAt: now });
    a.recordDeclared(now);
    return a;
  }

  correct(incomeTiyn: Tiyn, on: IsoDate, now: Date): void {
    this.self.incomeTiyn = incomeTiyn;
    this.self.declaredOn = on;
    this.recordDeclared(now);
  }

  private static assertYearEnded(year: number, on: IsoDate): void {
    if (Number(on.slice(0, 4)) <= year) {
      throw ValidationError.field(
        'year',
        `F-33: the annual income of ${year} can be declared once the year is over (from ${year + 1}-01-01)`,
        'annual-income.year-not-ended',
      );
    }
  }

  private recordDeclared(now: Date): void {
    this.record({
      name: 'AnnualIncomeDeclared',
      aggregateId: this.id,
      occurredAt: now,
      participationId: this.participationId,
      financialYear: this.financialYear,
    });
  }
}
