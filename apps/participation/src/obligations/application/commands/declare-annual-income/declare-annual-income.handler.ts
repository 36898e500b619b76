import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ValidationError, uuidv7, sumTiyn, tiyn, ZERO } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { FeeRepository } from '../../../../fees/application/ports/fee.repository.js';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { today } from '../../../../shared/application/today.js';
import { compareIsoDates } from '../../../../shared/domain/calendar.js';
import { AnnualIncome } from '../../../domain/annual-income.js';
import type { AuditObligation } from '../../../domain/audit-obligation.aggregate.js';
import { AuditDuty } from '../../audit-duty.service.js';
import { AnnualIncomeRepository } from '../../ports/obligation.repositories.js';
import { DeclareAnnualIncomeCommand } from './declare-annual-income.command.js';

/** F-33 (ADR 0052): the year's income, declared in full once the year is over, decides whether the annual audit is owed. */
@CommandHandler(DeclareAnnualIncomeCommand)
export class DeclareAnnualIncomeHandler implements ICommandHandler<DeclareAnnualIncomeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(AnnualIncomeRepository) private readonly annuals: AnnualIncomeRepository,
    @Inject(AuditDuty) private readonly auditDuty: AuditDuty,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: DeclareAnnualIncomeCommand): Promise<{ income: AnnualIncome; audit: AuditObligation | null }> {
    const income = tiyn(c.input.incomeTiyn, 'incomeTiyn');
    const { year } = c.input;
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      assertMayActFor(c.actor, p.bin, ['participation', c.participationId], ['fund-officer', 'finance-officer']);
      if (compareIsoDates(p.termStart, `${year}-12-31`) > 0 || compareIsoDates(p.lastDay, `${year}-01-01`) < 0) {
        throw ValidationError.field('year', `the participation did not run in ${year}`, 'annual-income.no-participation');
      }
      const on = today(this.clock);
      let declared = await this.annuals.findOf(p.id, year);
      if (declared) declared.correct(income, on, this.clock.now());
      else {
        declared = AnnualIncome.declare(
          { id: uuidv7(), participationId: p.id, bin: p.bin, financialYear: year, incomeTiyn: income, declaredOn: on },
          this.clock.now(),
        );
        this.annuals.add(declared);
      }
      const quarters = sumTiyn((await this.fees.ofYear(p.id, year)).map((f) => f.declaredIncomeTiyn ?? ZERO));
      const audit = await this.auditDuty.follow(p.id, p.bin, year, quarters);
      return { income: declared, audit };
    });
  }
}
