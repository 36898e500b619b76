import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ValidationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { AuditObligationRepository } from '../../../../obligations/application/ports/obligation.repositories.js';
import { AuditObligation, auditOwed } from '../../../../obligations/domain/audit-obligation.aggregate.js';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import { quarterEnd } from '../../../../shared/domain/calendar.js';
import { Deadlines } from '../../../../shared/domain/deadlines.js';
import { FeeRepository } from '../../ports/fee.repository.js';
import type { Fee } from '../../../domain/fee.aggregate.js';
import { sumTiyn, tiyn, tiynFromKztNumber, ZERO } from '../../../domain/money.js';
import { assertQuarterEnded } from '../../../domain/rules/income-declared-after-quarter.rule.js';
import { Tariff } from '../../../domain/tariff.js';
import { DeclareIncomeCommand } from './declare-income.command.js';

/**
 * F-21 … F-23: the participant declares the previous quarter's income; the fee follows from the
 * tariff in force on the quarter's last day (the rules live in Fee.declare and Tariff.feeFor).
 * F-33: the declarations of a year also tell whether the annual audit is owed (income above the
 * threshold), which is derived here.
 */
@CommandHandler(DeclareIncomeCommand)
export class DeclareIncomeHandler implements ICommandHandler<DeclareIncomeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(Tariff) private readonly tariff: Tariff,
    @Inject(AuditObligationRepository) private readonly audits: AuditObligationRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: DeclareIncomeCommand): Promise<Fee> {
    const income = tiyn(c.input.incomeTiyn, 'incomeTiyn');
    const { year, quarter } = c.input;
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      assertMayActFor(c.actor, p.bin, ['fund-officer', 'finance-officer']);
      assertQuarterEnded(year, quarter, today(this.clock));
      // The year's fees in one read, before any change: reading a fee again after changing it would
      // refresh its optimistic-lock version from the database and let a concurrent change through.
      const feesOfYear = await this.fees.ofYear(p.id, year);
      const fee = feesOfYear.find((f) => f.quarter === quarter);
      if (!fee) throw ValidationError.field('quarter', `the participation did not run in ${year}-Q${quarter}: no fee is owed for it`, 'fee.no-quarter');
      fee.declare(income, this.tariff.feeFor(income, quarterEnd(year, quarter)), today(this.clock), this.clock.now());
      await this.deriveAudit(p.id, p.bin, year, feesOfYear);
      return fee;
    });
  }

  /** F-33: annual income (sum of the year's declared quarters) above the threshold → an audit opinion is owed by 1 July. */
  private async deriveAudit(participationId: string, bin: string, year: number, feesOfYear: readonly Fee[]): Promise<void> {
    const annual = sumTiyn(feesOfYear.map((f) => f.declaredIncomeTiyn ?? ZERO));
    // F-33 compared in tiyn on both sides (exact): the reference-data KZT figure is read from its decimal text.
    const threshold = tiynFromKztNumber(this.deadlines.auditIncomeThresholdKzt(year));
    if (threshold === null) throw new Error(`audit-income-threshold-kzt of ${year} is not a KZT amount with at most 2 decimals`);
    if (!auditOwed(annual, threshold)) return;
    const existing = await this.audits.findOf(participationId, year);
    if (existing) {
      existing.reviseDeclaredIncome(annual);
      return;
    }
    const a = AuditObligation.derive(
      {
        id: uuidv7(),
        participationId,
        bin,
        financialYear: year,
        declaredIncomeTiyn: annual,
        thresholdTiyn: threshold,
        dueDate: this.deadlines.auditOpinionDueDate(year),
      },
      this.clock.now(),
    );
    this.audits.add(a);
    await this.timers.scheduleDeadline(TIMER.auditOpinionDue, a.id, a.dueDate);
  }
}
