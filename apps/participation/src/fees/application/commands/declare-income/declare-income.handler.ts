import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ValidationError, sumTiyn, tiyn, ZERO } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { AuditDuty } from '../../../../obligations/application/audit-duty.service.js';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { today } from '../../../../shared/application/today.js';
import { quarterEnd } from '../../../../shared/domain/calendar.js';
import { FeeRepository } from '../../ports/fee.repository.js';
import type { Fee } from '../../../domain/fee.aggregate.js';
import { assertQuarterEnded } from '../../../domain/rules/income-declared-after-quarter.rule.js';
import { Tariff } from '../../../domain/tariff.js';
import { DeclareIncomeCommand } from './declare-income.command.js';

/**
 * F-21 … F-23: the participant declares the previous quarter's income; the fee follows from the
 * tariff in force on the quarter's last day (the rules live in Fee.declare and Tariff.feeFor).
 * F-33: the declarations of a year are a lower bound of its income: the annual audit may follow
 * (AuditDuty, ADR 0052; the full year's income is declared separately).
 */
@CommandHandler(DeclareIncomeCommand)
export class DeclareIncomeHandler implements ICommandHandler<DeclareIncomeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(Tariff) private readonly tariff: Tariff,
    @Inject(AuditDuty) private readonly auditDuty: AuditDuty,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: DeclareIncomeCommand): Promise<Fee> {
    const income = tiyn(c.input.incomeTiyn, 'incomeTiyn');
    const { year, quarter } = c.input;
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      assertMayActFor(c.actor, p.bin, ['participation', c.participationId], ['fund-officer', 'finance-officer']);
      assertQuarterEnded(year, quarter, today(this.clock));
      // The year's fees in one read, before any change: reading a fee again after changing it would
      // refresh its optimistic-lock version from the database and let a concurrent change through.
      const feesOfYear = await this.fees.ofYear(p.id, year);
      const fee = feesOfYear.find((f) => f.quarter === quarter);
      if (!fee) throw ValidationError.field('quarter', `the participation did not run in ${year}-Q${quarter}: no fee is owed for it`, 'fee.no-quarter');
      fee.declare(income, this.tariff.feeFor(income, quarterEnd(year, quarter)), today(this.clock), this.clock.now());
      // F-33 (ADR 0052): the quarters declared are a lower bound of the year's income until the year is declared in full.
      await this.auditDuty.follow(p.id, p.bin, year, sumTiyn(feesOfYear.map((f) => f.declaredIncomeTiyn ?? ZERO)));
      return fee;
    });
  }
}
