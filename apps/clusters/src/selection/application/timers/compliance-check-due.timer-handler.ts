import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { ApplicationRepository } from '../ports/selection.ports.js';

export const COMPLIANCE_CHECK_DUE_TIMER = 'clusters.compliance-check-due';

/**
 * C-12: fires at the end of the last working day of the compliance check (Asia/Almaty). An
 * application still unchecked is marked overdue (it stays on the deadlines board as overdue).
 * Runs inside the timer's transaction as a unit of work.
 */
@Injectable()
export class ComplianceCheckDueTimerHandler implements TimerHandler {
  readonly kind = COMPLIANCE_CHECK_DUE_TIMER;

  constructor(
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const applicationId = timer.payload['applicationId'];
    if (typeof applicationId !== 'string') throw new Error(`timer ${timer.id} has no applicationId`);
    const application = await this.applications.get(applicationId);
    application.markComplianceOverdue(this.clock.now());
  }
}
