import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EarlyTerminationReferredV1, GROUND_NUMBER, type EarlyTerminationGround } from '@hub/contracts';
import { ForbiddenError, IllegalStateError, RuleViolationError, ValidationError, uuidv7 } from '@hub/kernel';
import { type Em } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { Fee } from '../../../../fees/domain/fee.aggregate.js';
import { MonitoringConclusion } from '../../../../monitoring/domain/monitoring-conclusion.js';
import { CorporateNotice } from '../../../../obligations/domain/corporate-notice.js';
import { InformationRequest } from '../../../../obligations/domain/information-request.aggregate.js';
import { QuarterlyReport } from '../../../../reporting/domain/quarterly-report.aggregate.js';
import { ContextServices } from '../../../../shared/application/platform.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { startOfAlmatyDay } from '../../../../shared/domain/calendar.js';
import { EarlyTermination } from '../../../domain/early-termination.aggregate.js';
import type { Participation } from '../../../domain/participation.aggregate.js';
import { assertWithdrawalNotice } from '../../../domain/rules/withdrawal-notice.rule.js';
import { ParticipationLifecycle } from '../../participation-lifecycle.service.js';
import { OpenEarlyTerminationCommand } from './open-early-termination.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/**
 * F-28 … F-30: opens early termination. The participant itself may only withdraw (ground 3, with
 * 10 WD notice, F-29); the Fund opens the other grounds. Grounds (4), (5), (6) must rest on a
 * record that proves them; (1), (2), (7) go to the Commission (F-30); (1) rests on a "not
 * expedient" monitoring conclusion (F-40).
 */
@CommandHandler(OpenEarlyTerminationCommand)
export class OpenEarlyTerminationHandler implements ICommandHandler<OpenEarlyTerminationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  execute(c: OpenEarlyTerminationCommand): Promise<EarlyTermination> {
    return runCommand(this.uow, async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      const { ground } = c.input;
      const isFund = c.actor.roles.includes('fund-officer');
      const isOwnApplicant = c.actor.roles.includes('applicant') && c.actor.companies.includes(p.bin);
      if (!isFund && !(isOwnApplicant && ground === 'voluntary-withdrawal')) {
        throw new ForbiddenError(isOwnApplicant ? 'a participant may only withdraw (ground 3); the Fund opens the other grounds' : 'you may not terminate this participation');
      }
      if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'terminate');
      const open = await em.findOne(EarlyTermination, { participationId: p.id, status: { $in: ['pending-commission', 'scheduled'] } });
      if (open) throw new IllegalStateError('early-termination', open.status, 'open another early termination', `case ${open.id} is still open`);
      const today = this.ctx.today();
      const withdrawalDate = ground === 'voluntary-withdrawal' ? assertWithdrawalNotice(today, c.input.withdrawalDate, this.ctx.deadlines.earliestWithdrawalDate(today)) : null;
      if (withdrawalDate && withdrawalDate > p.termEnd) {
        throw ValidationError.field('withdrawalDate', `must not be after the term end ${p.termEnd}: the participation ends as planned then (F-27)`, 'withdrawal.after-term');
      }
      await this.assertBasis(em, p, ground, c.input.basisId);
      const kase = EarlyTermination.open(
        { id: uuidv7(), participationId: p.id, bin: p.bin, ground, reason: c.input.reason, basisId: c.input.basisId ?? null, openedOn: today, openedBy: c.actor.subject, withdrawalDate },
        this.ctx.now(),
      );
      em.persist(kase);
      if (kase.status === 'pending-commission') {
        await this.ctx.publish(em, EarlyTerminationReferredV1, p.id, p.bin, { caseId: kase.id, participationId: p.id, bin: p.bin, ground, groundNumber: GROUND_NUMBER[ground], referredOn: today });
      } else if (kase.status === 'scheduled') {
        await this.ctx.timers.schedule(em, { kind: TIMER.withdrawalEffective, key: kase.id, dueAt: startOfAlmatyDay(withdrawalDate!), payload: { participationId: p.id } });
      } else {
        await this.lifecycle.terminateEarly(em, p, ground, today, 'fund', `early-termination:${kase.id}`);
      }
      return kase;
    });
  }

  /** The record each Fund-decided ground rests on (F-28(1), (4), (5), (6)). */
  private async assertBasis(em: Em, p: Participation, ground: EarlyTerminationGround, basisId: string | undefined): Promise<void> {
    const need = (what: string) => new RuleViolationError(`F-28(${GROUND_NUMBER[ground]})`, `ground (${GROUND_NUMBER[ground]}) needs basisId: ${what} of this participation`, { field: 'basisId' });
    switch (ground) {
      case 'monitoring-not-expedient': {
        const c = basisId ? await em.findOne(MonitoringConclusion, { id: basisId, participationId: p.id }) : null;
        if (!c || c.conclusion !== 'not-expedient') throw need('a monitoring conclusion "not expedient" (F-40)');
        return;
      }
      case 'reports-not-submitted': {
        const r = basisId ? ((await em.findOne(QuarterlyReport, { id: basisId, participationId: p.id })) ?? (await em.findOne(InformationRequest, { id: basisId, participationId: p.id }))) : null;
        if (!r || r.status !== 'overdue') throw need('an overdue quarterly report (F-37, F-39) or information request (F-38)');
        return;
      }
      case 'liquidation': {
        const n = basisId ? await em.findOne(CorporateNotice, { id: basisId, participationId: p.id }) : null;
        if (!n || n.kind !== 'liquidation') throw need('a liquidation notice (F-34)');
        return;
      }
      case 'membership-fees-not-paid': {
        const f = basisId ? await em.findOne(Fee, { id: basisId, participationId: p.id }) : null;
        if (!f || f.status !== 'overdue') throw need('an overdue membership fee (F-21)');
        return;
      }
      case 'planned-results-achieved':
      case 'voluntary-withdrawal':
      case 'contract-breach':
        return;
    }
  }
}
