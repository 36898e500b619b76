import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { AuditObligationRepository, InformationRequestRepository } from '../ports/obligation.repositories.js';

/** F-32, F-38: the requested documents did not come within 10 WD — overdue (part of ground F-28(4)); deadline-missed is published from the recorded event. */
@Injectable()
export class InformationRequestDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.informationRequestDue;

  constructor(
    @Inject(InformationRequestRepository) private readonly requests: InformationRequestRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    (await this.requests.get(timer.key)).markOverdue(this.clock.now());
  }
}

/** F-33: the audit opinion was not submitted by 1 July. */
@Injectable()
export class AuditOpinionDueTimerHandler implements TimerHandler {
  readonly kind = TIMER.auditOpinionDue;

  constructor(
    @Inject(AuditObligationRepository) private readonly audits: AuditObligationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    (await this.audits.get(timer.key)).markOverdue(this.clock.now());
  }
}
