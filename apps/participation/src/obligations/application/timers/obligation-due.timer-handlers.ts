import { Inject, Injectable } from '@nestjs/common';
import { DeadlineMissedV1 } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { AuditObligation } from '../../domain/audit-obligation.aggregate.js';
import { InformationRequest } from '../../domain/information-request.aggregate.js';

/** F-32, F-38: the requested documents did not come within 10 WD — overdue (part of ground F-28(4)). */
@Injectable()
export class InformationRequestDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.informationRequestDue;

  constructor(@Inject(ContextServices) private readonly ctx: ContextServices) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const r = await em.findOne(InformationRequest, { id: timer.key });
    if (!r) throw new NotFoundError('information-request', timer.key);
    if (!r.markOverdue()) return;
    await this.ctx.publish(em, DeadlineMissedV1, r.participationId, r.bin, {
      participationId: r.participationId,
      bin: r.bin,
      obligation: 'information-request',
      obligationId: r.id,
      dueDate: r.dueDate,
      ruleIds: r.kind === 'audit-report' ? ['F-33'] : ['F-32', 'F-38'],
    });
  }
}

/** F-33: the audit opinion was not submitted by 1 July. */
@Injectable()
export class AuditOpinionDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.auditOpinionDue;

  constructor(@Inject(ContextServices) private readonly ctx: ContextServices) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const a = await em.findOne(AuditObligation, { id: timer.key });
    if (!a) throw new NotFoundError('audit-obligation', timer.key);
    if (!a.markOverdue()) return;
    await this.ctx.publish(em, DeadlineMissedV1, a.participationId, a.bin, {
      participationId: a.participationId,
      bin: a.bin,
      obligation: 'audit-opinion',
      obligationId: a.id,
      dueDate: a.dueDate,
      ruleIds: ['F-33'],
    });
  }
}
