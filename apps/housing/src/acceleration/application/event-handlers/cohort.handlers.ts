import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, endOfAlmatyDay } from '@hub/calendar';
import {
  CohortCompletionMadeV1,
  CohortCompletionMadeV2,
  CohortEnrolmentMadeV1,
  CohortEnrolmentMadeV2,
  CohortExpulsionMadeV1,
  CohortExpulsionMadeV2,
  type EventEnvelope,
  type PayloadOf,
} from '@hub/contracts';
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

type EnrolmentFact = Omit<PayloadOf<typeof CohortEnrolmentMadeV2>, 'personRef'>;

/** Housing's copy of an enrolment (F-59), from either version of the event: the person only as the IIN's blind index (F-42). */
async function recordEnrolment(repo: AccelerationRepository, e: EnrolmentFact, iinIndex: string, at: Date): Promise<void> {
  if (await repo.enrolment(e.enrolmentId)) return; // the same fact again under a new event id (or the other version of it)
  repo.addEnrolment(
    Enrolment.record({
      enrolmentId: e.enrolmentId,
      cohortId: e.cohortId,
      iinIndex,
      townKatoCode: e.town.katoCode,
      townName: e.town.name,
      cohortStartsOn: e.cohortStartsOn,
      cohortEndsOn: e.cohortEndsOn,
      enrolledOn: e.enrolledOn,
      at,
    }),
  );
}

/**
 * services.cohort-enrolment-made v2 (ADR 0123) → housing's copy of the enrolment (F-59). Runs in the
 * inbox's transaction (the platform's `uow.within`). The event names the person by `personRef`, the
 * platform's blind index of the IIN: stored as is, and matched when the person asks for housing with
 * their IIN (`RequestHousingHandler` computes the same index with the shared index key).
 */
@Injectable()
export class CohortEnrolmentMadeV2Handler implements EventHandler<typeof CohortEnrolmentMadeV2> {
  readonly event = CohortEnrolmentMadeV2;
  constructor(
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  handle(envelope: EventEnvelope<PayloadOf<typeof CohortEnrolmentMadeV2>>): Promise<void> {
    const { personRef, ...e } = envelope.payload;
    return recordEnrolment(this.repo, e, personRef, this.clock.now());
  }
}

/**
 * services.cohort-enrolment-made v1 (events published before ADR 0123, still on the topic) → the same
 * copy; the IIN it carries is kept only as its blind index (F-42) and never logged.
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
    const { personIin, ...e } = envelope.payload;
    await recordEnrolment(this.repo, e, this.cipher.blindIndex(personIin), this.clock.now());
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

/** v2 of the two leaving facts (ADR 0123): the enrolment id is all housing reads, as in v1. */
@Injectable()
export class CohortExpulsionMadeV2Handler implements EventHandler<typeof CohortExpulsionMadeV2> {
  readonly event = CohortExpulsionMadeV2;
  constructor(@Inject(PersonLeftAcceleration) private readonly left: PersonLeftAcceleration) {}
  handle(envelope: EventEnvelope<PayloadOf<typeof CohortExpulsionMadeV2>>): Promise<void> {
    return this.left.handle(envelope.payload.enrolmentId, 'expelled', envelope.payload.expelledOn);
  }
}

@Injectable()
export class CohortCompletionMadeV2Handler implements EventHandler<typeof CohortCompletionMadeV2> {
  readonly event = CohortCompletionMadeV2;
  constructor(@Inject(PersonLeftAcceleration) private readonly left: PersonLeftAcceleration) {}
  handle(envelope: EventEnvelope<PayloadOf<typeof CohortCompletionMadeV2>>): Promise<void> {
    return this.left.handle(envelope.payload.enrolmentId, 'completed', envelope.payload.completedOn);
  }
}
