import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { Clock, uuidv7 } from '@hub/kernel';
import { MessageContexts, type TimerHandler, type TimerRecord } from '@hub/messaging';
import { F42_RETENTION_TIMER } from '../f42-retention.js';
import { AccelerationRepository } from '../ports/acceleration.repository.js';

/** Who deleted the data in the F-42 access log: housing itself, at the end of the retention (no person did). */
export const RETENTION_ACTOR = 'service:housing';

/**
 * F-42 (ADR 0124): the retention of a person's personal data in housing ended — in the timer's
 * transaction the enrolment's IIN index goes, each request's IIN, contacts and evidence are emptied and
 * marked purged, the acts' free text is deleted, and each request gets a line in the F-42 access log
 * auditors read (`GET /pii-access-log`). Firing again changes nothing.
 */
@Injectable()
export class HousingF42RetentionEndedTimerHandler implements TimerHandler {
  readonly kind = F42_RETENTION_TIMER;

  constructor(
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const enrolment = await this.repo.enrolment(timer.key);
    if (!enrolment) return;
    const now = this.clock.now();
    const on = almatyDate(now);
    enrolment.purgePersonalData(now);
    const cases = await this.repo.casesOf(enrolment.enrolmentId);
    const purged = cases.filter((c) => c.purgePersonalData(on, now));
    if (purged.length === 0) return;
    for (const allocation of await this.repo.allocationsOfEnrolment(enrolment.enrolmentId)) allocation.purgePersonalParts(now);
    for (const c of purged)
      this.repo.logPiiRead({
        id: uuidv7(),
        actorSubject: RETENTION_ACTOR,
        actorRoles: [],
        caseId: c.id,
        what: `F-42 retention ended: the IIN, contacts and evidence of the housing request and the free text of its acts deleted`,
        correlationId: MessageContexts.current()?.correlationId ?? null,
        accessedAt: now,
      });
  }
}
