import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { OFFER_ACCEPTANCE_TIMER, PlaceOffering, VACATE_DUE_TIMER } from '../place-offering.js';
import { AccelerationRepository } from '../ports/acceleration.repository.js';

const allocationIdOf = (timer: TimerRecord): string => {
  const id = timer.payload['allocationId'];
  if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no allocationId`);
  return id;
};

/** F-62 (ADR 0057): the acceptance day ended without an answer — the offer lapses and the bed goes to the next person. */
@Injectable()
export class OfferAcceptanceDueTimerHandler implements TimerHandler {
  readonly kind = OFFER_ACCEPTANCE_TIMER;
  constructor(
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(PlaceOffering) private readonly offering: PlaceOffering,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const allocation = await this.repo.allocation(allocationIdOf(timer));
    if (!allocation.lapse(this.clock.now())) return;
    (await this.repo.case(allocation.caseId)).offerEnded('lapsed', this.clock.now());
    await this.repo.flushPlaces();
    await this.offering.offerNext(allocation.townKatoCode);
  }
}

/** F-61: the 2nd working day after the expulsion ended without the acceptance-transfer act — overdue, escalated to the housing manager. */
@Injectable()
export class VacateDueTimerHandler implements TimerHandler {
  readonly kind = VACATE_DUE_TIMER;
  constructor(
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    (await this.repo.allocation(allocationIdOf(timer))).markVacateOverdue(this.clock.now());
  }
}
