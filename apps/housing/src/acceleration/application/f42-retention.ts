import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { f42RetainUntil, f42RetentionEndsAt } from '@hub/reference-data';

/** ADR 0124: the durable timer that deletes an enrolment's F-42 personal data in housing, key = enrolment id. */
export const F42_RETENTION_TIMER = 'housing.f42-retention-ended';

/**
 * F-42 (ADR 0124, the pattern of ADR 0119): the personal data housing keeps of a person in acceleration
 * (the enrolment's IIN index, the requests' IIN, contacts and evidence, the acts' free text) is kept until
 * 31 December of the year its purpose ended plus `f42.personal-data-retention-years` in force that day
 * (`@hub/reference-data`, shared with participation and training). The purpose ends when the person
 * leaves acceleration (expulsion, completion) and, if housed, when the acceptance-transfer act ends the
 * housing contract — whichever is later: each schedules the enrolment's one timer, the later moving it on.
 */
@Injectable()
export class HousingF42Retention {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
  ) {}

  /** In the caller's unit of work: the enrolment's purpose ended on `endedOn`. */
  async purposeEnded(enrolmentId: string, endedOn: IsoDate): Promise<void> {
    const retainUntil = f42RetainUntil(Number(endedOn.slice(0, 4)), endedOn);
    await this.timers.schedule(this.uow.em(), {
      kind: F42_RETENTION_TIMER,
      key: enrolmentId,
      dueAt: f42RetentionEndsAt(retainUntil),
      payload: { enrolmentId, endedOn, retainUntil },
    });
  }
}
