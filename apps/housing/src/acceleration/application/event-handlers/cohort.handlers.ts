import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, endOfAlmatyDay } from '@hub/calendar';
import { CohortCompletionMadeV1, CohortEnrolmentMadeV1, CohortExpulsionMadeV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { type EventHandler, Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { parametersOn } from '../../../shared/domain/housing-parameters.js';
import { HousingParametersSource } from '../../../shared/application/ports/housing-parameters.source.js';
import { PiiCipher } from '@hub/pii';
import { WorkingDays } from '../../../shared/application/ports/working-days.js';
import type { VacateReason } from '../../domain/acceleration.events.js';
import { Enrolment } from '../../domain/enrolment.aggregate.js';
import { vacateDueOn } from '../../domain/rules/f61-vacate-deadline.rule.js';
import { HousingF42Retention } from '../f42-retention.js';
import { OFFER_ACCEPTANCE_TIMER, PlaceOffering, VACATE_DUE_TIMER } from '../place-offering.js';
import { AccelerationRepository } from '../ports/acceleration.repository.js';

/**
 * services.cohort-enrolment-made v1 → housing's copy of the enrolment (F-59). Runs in the inbox's
 * transaction (the platform's `uow.within`); the IIN is kept only as its blind index (F-42).
 */
@Injectable()
export class CohortEnrolmentMadeHandler implements EventHandler<typeof CohortEnrolmentMadeV1> {
  readonly event = CohortEnrolmentMadeV1;
  constructor(
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof CohortEnrolmentMadeV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.repo.enrolment(e.enrolmentId)) return; // the same fact again under a new event id
    this.repo.addEnrolment(
      Enrolment.record({
        enrolmentId: e.enrolmentId,
        cohortId: e.cohortId,
        iinIndex: this.cipher.blindIndex(e.personIin),
        townKatoCode: e.town.katoCode,
        townName: e.town.name,
        cohortStartsOn: e.cohortStartsOn,
        cohortEndsOn: e.cohortEndsOn,
        enrolledOn: e.enrolledOn,
        at: this.clock.now(),
      }),
    );
  }
}

/**
 * The person is no longer in acceleration (expelled, F-61; or completed, ADR 0058): a waiting
 * request leaves the waitlist, an open offer is cancelled (and the bed goes on, F-62), a housed
 * person gets the durable vacate deadline of 2 working days (F-61).
 */
@Injectable()
export class PersonLeftAcceleration {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(HousingParametersSource) private readonly parameters: HousingParametersSource,
    @Inject(PlaceOffering) private readonly offering: PlaceOffering,
    @Inject(HousingF42Retention) private readonly retention: HousingF42Retention,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(enrolmentId: string, status: 'expelled' | 'completed', leftOn: IsoDate): Promise<void> {
    const now = this.clock.now();
    const enrolment = await this.repo.enrolment(enrolmentId);
    if (!enrolment || !enrolment.end(status, leftOn, now)) return; // unknown here, or already handled
    const reason: VacateReason = status === 'expelled' ? 'expulsion' : 'completion';
    const { vacateWorkingDays } = parametersOn(this.parameters.versions(), leftOn);
    const vacateBy = vacateDueOn(leftOn, vacateWorkingDays, (d, n) => this.workingDays.add(d, n));
    let towns = new Set<string>();
    for (const allocation of await this.repo.holdingOf(enrolmentId)) {
      const outcome = allocation.personLeft(reason, leftOn, vacateBy, now);
      if (outcome === 'cancelled') {
        await this.timers.cancel(this.uow.em(), OFFER_ACCEPTANCE_TIMER, allocation.id);
        towns = towns.add(allocation.townKatoCode);
      }
      if (outcome === 'vacating')
        await this.timers.schedule(this.uow.em(), {
          kind: VACATE_DUE_TIMER,
          key: allocation.id,
          dueAt: endOfAlmatyDay(vacateBy),
          payload: { allocationId: allocation.id },
        });
    }
    const live = await this.repo.liveCaseOf(enrolmentId);
    if (live && live.status !== 'housed') live.left(now);
    // F-42 (ADR 0124): the purpose of the person's data ends with acceleration (a housed person's act moves it on)
    await this.retention.purposeEnded(enrolmentId, leftOn);
    await this.repo.flushPlaces();
    for (const town of towns) await this.offering.offerNext(town);
  }
}

@Injectable()
export class CohortExpulsionMadeHandler implements EventHandler<typeof CohortExpulsionMadeV1> {
  readonly event = CohortExpulsionMadeV1;
  constructor(@Inject(PersonLeftAcceleration) private readonly left: PersonLeftAcceleration) {}
  handle(envelope: EventEnvelope<PayloadOf<typeof CohortExpulsionMadeV1>>): Promise<void> {
    return this.left.handle(envelope.payload.enrolmentId, 'expelled', envelope.payload.expelledOn);
  }
}

@Injectable()
export class CohortCompletionMadeHandler implements EventHandler<typeof CohortCompletionMadeV1> {
  readonly event = CohortCompletionMadeV1;
  constructor(@Inject(PersonLeftAcceleration) private readonly left: PersonLeftAcceleration) {}
  handle(envelope: EventEnvelope<PayloadOf<typeof CohortCompletionMadeV1>>): Promise<void> {
    return this.left.handle(envelope.payload.enrolmentId, 'completed', envelope.payload.completedOn);
  }
}
