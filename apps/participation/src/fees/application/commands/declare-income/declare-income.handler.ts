import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RuleViolationError, ValidationError, uuidv7 } from '@hub/kernel';
import type { Em } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { AuditObligation, auditOwed } from '../../../../obligations/domain/audit-obligation.aggregate.js';
import { ContextServices } from '../../../../shared/application/platform.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../../shared/domain/access-policy.js';
import { compareIsoDates, quarterEnd } from '../../../../shared/domain/calendar.js';
import { legacyKztNumber, sumTiyn, tiyn, TIYN_PER_KZT, ZERO } from '../../../domain/money.js';
import { amountFromBody, amountOf } from '../../amount-input.js';
import { publishFeeEvents } from '../../publish-fee-events.js';
import { Fee } from '../../../domain/fee.aggregate.js';
import { DeclareIncomeCommand } from './declare-income.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/**
 * F-21 … F-23: the participant declares the previous quarter's income; the fee follows from the
 * tariff in force on the quarter's last day. F-33: the declarations of a year also tell whether
 * the annual audit is owed (income above the threshold), which is derived here.
 */
@CommandHandler(DeclareIncomeCommand)
export class DeclareIncomeHandler implements ICommandHandler<DeclareIncomeCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: DeclareIncomeCommand): Promise<Fee> {
    return runCommand(this.uow, async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      assertMayActFor(c.actor, p.bin, ['fund-officer', 'finance-officer']);
      const { year, quarter } = c.input;
      const income = amountOf(amountFromBody(c.input.incomeTiyn, c.input.incomeKzt), 'incomeTiyn');
      const fee = await em.findOne(Fee, { participationId: p.id, year, quarter });
      if (!fee) {
        if (compareIsoDates(quarterEnd(year, quarter), this.ctx.today()) >= 0) {
          throw new RuleViolationError('F-21', `the income of ${year}-Q${quarter} can be declared once the quarter has ended (after ${quarterEnd(year, quarter)})`, { field: 'quarter' });
        }
        throw ValidationError.field('quarter', `the participation did not run in ${year}-Q${quarter}: no fee is owed for it`, 'fee.no-quarter');
      }
      fee.declare(income, this.ctx.tariff.feeFor(income, quarterEnd(year, quarter)), this.ctx.today(), this.ctx.now());
      await publishFeeEvents(this.ctx, em, fee);
      await this.deriveAudit(em, p.id, p.bin, year);
      return fee;
    });
  }

  /** F-33: annual income (sum of the year's declared quarters) above the threshold → an audit opinion is owed by 1 July. */
  private async deriveAudit(em: Em, participationId: string, bin: string, year: number): Promise<void> {
    await em.flush();
    const fees = await em.find(Fee, { participationId, year });
    const annualTiyn = sumTiyn(fees.map((f) => f.declaredIncomeTiyn ?? ZERO));
    const threshold = this.ctx.deadlines.auditIncomeThresholdKzt(year);
    // F-33's rule compared in tiyn on both sides (exact); the audit obligation itself still takes KZT numbers.
    if (!auditOwed(annualTiyn, tiyn(threshold * TIYN_PER_KZT, 'audit-income-threshold-kzt'))) return;
    const annual = legacyKztNumber(annualTiyn);
    const existing = await em.findOne(AuditObligation, { participationId, financialYear: year });
    if (existing) {
      existing.declaredIncomeKzt = annual;
      return;
    }
    const a = AuditObligation.derive(
      { id: uuidv7(), participationId, bin, financialYear: year, declaredIncomeKzt: annual, thresholdKzt: threshold, dueDate: this.ctx.deadlines.auditOpinionDueDate(year) },
      this.ctx.now(),
    );
    em.persist(a);
    await this.ctx.scheduleDeadline(em, TIMER.auditOpinionDue, a.id, a.dueDate);
  }
}
