import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { CohortRepository } from '../ports/cohort.repository.js';

export const COHORT_ENDS_TIMER = 'services.cohort-ends';

/**
 * Fires at the end of the cohort's last day (Asia/Almaty): everyone still enrolled completes the
 * programme on that day (F-44), which housing reads as the end of the housing contract (F-60).
 * Idempotent: people already expelled or completed are left as they are.
 */
@Injectable()
export class CohortEndsTimerHandler implements TimerHandler {
  readonly kind = COHORT_ENDS_TIMER;
  constructor(
    @Inject(CohortRepository) private readonly cohorts: CohortRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['cohortId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no cohortId`);
    const cohort = await this.cohorts.get(id);
    const now = this.clock.now();
    for (const enrolment of await this.cohorts.enrolledIn(id)) enrolment.complete(cohort.endsOn, now);
  }
}
