import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate, endOfAlmatyDay } from '@hub/calendar';
import { Clock, ConflictError, RuleViolationError, ValidationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { InventoryRepository } from '../../inventory/application/ports/inventory.repository.js';
import { parametersOn } from '../../shared/domain/housing-parameters.js';
import { HousingParametersSource } from '../../shared/application/ports/housing-parameters.source.js';
import { WorkingDays } from '../../shared/application/ports/working-days.js';
import { Allocation } from '../domain/allocation.aggregate.js';
import type { HousingCase } from '../domain/housing-case.aggregate.js';
import { isEligibleForHousing } from '../domain/rules/f59-eligibility.rule.js';
import { offerAcceptBy, waitlistOrder } from '../domain/rules/f62-waitlist-order.rule.js';
import { AccelerationRepository } from './ports/acceleration.repository.js';

export const OFFER_ACCEPTANCE_TIMER = 'housing.offer-acceptance-due';
export const VACATE_DUE_TIMER = 'housing.vacate-due';

/**
 * Offers beds (F-59, F-62), inside the caller's unit of work (it joins it): the first eligible person
 * of the town's waitlist in the published order gets the first free bed, with an acceptance
 * deadline in working days and its durable timer. Every offer is written at once, so that the
 * exclusion constraint decides a race (409 `place-taken` for the loser).
 */
@Injectable()
export class PlaceOffering {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(InventoryRepository) private readonly inventory: InventoryRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(HousingParametersSource) private readonly parameters: HousingParametersSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** F-62: offers the town's free beds to the next eligible people, one bed each; returns the offers made. */
  offerNext(townKatoCode: string): Promise<string[]> {
    return this.uow.run(async () => {
      const today = almatyDate(this.clock.now());
      const waiting = waitlistOrder(await this.repo.waitingIn(townKatoCode));
      const made: string[] = [];
      for (const c of waiting) {
        const enrolment = await this.repo.enrolment(c.enrolmentId);
        if (!isEligibleForHousing(enrolment, c.declaration, today).eligible) continue;
        const place = (await this.freePlaces(townKatoCode, today))[0];
        if (!place) break;
        made.push(await this.offer(c, place.unitId, place.buildingId, place.bed, today));
      }
      return made;
    });
  }

  /**
   * After a command's own transaction has committed: offers what is free now, in a transaction of its
   * own. A concurrent offer that took the same bed first (409 place-taken) leaves the person waiting
   * for the next trigger instead of failing the command that already happened (a request, an act).
   */
  async offerNextAfterCommit(townKatoCode: string): Promise<string[]> {
    try {
      return await this.offerNext(townKatoCode);
    } catch (e) {
      if (e instanceof ConflictError) return [];
      throw e;
    }
  }

  /** The housing manager offers a given bed to a given waiting person (the same checks; a taken bed is 409). */
  offerPlace(caseId: string, unitId: string, bed: string): Promise<string> {
    return this.uow.run(async () => {
      const today = almatyDate(this.clock.now());
      const c = await this.repo.case(caseId);
      const unit = await this.inventory.unit(unitId);
      if (unit.kind !== 'dwelling') throw ValidationError.field('unitId', 'people in acceleration are housed in dwellings (F-59)');
      if (!unit.places().includes(bed)) throw ValidationError.field('bed', `the unit has no bed ${bed} (its beds: ${unit.places().join(', ')})`);
      if (unit.townKatoCode !== c.townKatoCode) throw new RuleViolationError('F-59', 'the dwelling is not in the town of the person’s programme');
      if (!unit.isInServiceOn(today)) throw new ConflictError('out-of-service', 'the unit is out of service');
      const enrolment = await this.repo.enrolment(c.enrolmentId);
      const eligibility = isEligibleForHousing(enrolment, c.declaration, today);
      if (!eligibility.eligible) throw new RuleViolationError('F-59', eligibility.reason);
      return this.offer(c, unit.id, unit.buildingId, bed, today);
    });
  }

  private async offer(c: HousingCase, unitId: string, buildingId: string, bed: string, today: IsoDate): Promise<string> {
    const { offerAcceptanceWorkingDays } = parametersOn(this.parameters.versions(), today);
    const acceptBy = offerAcceptBy(today, offerAcceptanceWorkingDays, (d, n) => this.workingDays.add(d, n));
    const allocation = Allocation.offer({
      id: uuidv7(),
      caseId: c.id,
      enrolmentId: c.enrolmentId,
      personSubject: c.personSubject,
      unitId,
      buildingId,
      townKatoCode: c.townKatoCode,
      bed,
      startsOn: today,
      acceptBy,
      at: this.clock.now(),
    });
    c.offered(this.clock.now());
    this.repo.addAllocation(allocation);
    await this.repo.flushPlaces();
    await this.timers.schedule(this.uow.em(), {
      kind: OFFER_ACCEPTANCE_TIMER,
      key: allocation.id,
      dueAt: endOfAlmatyDay(acceptBy),
      payload: { allocationId: allocation.id },
    });
    return allocation.id;
  }

  private async freePlaces(townKatoCode: string, today: IsoDate): Promise<{ unitId: string; buildingId: string; bed: string }[]> {
    const units = (await this.inventory.dwellingsIn(townKatoCode)).filter((u) => u.isInServiceOn(today));
    const held = new Set((await this.repo.holdingIn(units.map((u) => u.id))).map((a) => `${a.unitId}|${a.bed}`));
    return units.flatMap((u) =>
      u
        .places()
        .filter((bed) => !held.has(`${u.id}|${bed}`))
        .map((bed) => ({ unitId: u.id, buildingId: u.buildingId, bed })),
    );
  }
}
