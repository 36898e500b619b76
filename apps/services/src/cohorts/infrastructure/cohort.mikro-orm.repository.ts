import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { CohortReadModel, CohortRepository, type CohortView } from '../application/ports/cohort.repository.js';
import type { Cohort } from '../domain/cohort.aggregate.js';
import type { CohortEnrolment } from '../domain/enrolment.aggregate.js';
import { CohortEnrolmentSchema, CohortSchema } from './cohort.schema.js';

const SEAT_HOLDING = ['enrolled', 'completed'] as const;

@Injectable()
export class MikroOrmCohortRepository extends CohortRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<Cohort> {
    const c = await this.uow.em().findOne(CohortSchema, { id });
    if (!c) throw new NotFoundError('cohort', id);
    return c;
  }
  async getForEnrolment(id: string): Promise<Cohort> {
    const c = await this.uow.em().findOne(CohortSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!c) throw new NotFoundError('cohort', id);
    return c;
  }
  add(cohort: Cohort): void {
    this.uow.em().persist(cohort);
  }
  seatsTaken(cohortId: string): Promise<number> {
    return this.uow.em().count(CohortEnrolmentSchema, { cohortId, status: { $in: [...SEAT_HOLDING] } });
  }
  async enrolment(cohortId: string, enrolmentId: string): Promise<CohortEnrolment> {
    const e = await this.uow.em().findOne(CohortEnrolmentSchema, { id: enrolmentId, cohortId });
    if (!e) throw new NotFoundError('cohort enrolment', enrolmentId);
    return e;
  }
  addEnrolment(enrolment: CohortEnrolment): void {
    this.uow.em().persist(enrolment);
  }
}

@Injectable()
export class MikroOrmCohortReadModel extends CohortReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async find(id: string): Promise<CohortView | null> {
    return (await this.views({ id }))[0] ?? null;
  }
  list(filter: { serviceId?: string }): Promise<CohortView[]> {
    return this.views(filter.serviceId ? { serviceId: filter.serviceId } : {});
  }
  private async views(where: { id?: string; serviceId?: string }): Promise<CohortView[]> {
    const em = this.uow.reader();
    const cohorts = await em.find(CohortSchema, where, { orderBy: { startsOn: 'desc', id: 'desc' }, limit: 500 });
    const enrolments =
      cohorts.length === 0 ? [] : await em.find(CohortEnrolmentSchema, { cohortId: { $in: cohorts.map((c) => c.id) } }, { orderBy: { id: 'asc' } });
    return cohorts.map((c) => {
      const mine = enrolments.filter((e) => e.cohortId === c.id);
      return {
        id: c.id,
        serviceId: c.serviceId,
        title: c.title,
        town: c.town,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        capacity: c.capacity,
        seatsTaken: mine.filter((e) => e.status !== 'expelled').length,
        enrolments: mine.map((e) => ({
          id: e.id,
          applicationId: e.applicationId,
          contractId: e.contractId,
          recipientKind: e.recipientKind,
          recipientId: e.recipientId,
          personIin: e.personIin,
          status: e.status,
          enrolledOn: e.enrolledOn,
          endedOn: e.endedOn,
          expulsionGround: e.expulsionGround,
          expulsionReasons: e.expulsionReasons,
        })),
      };
    });
  }
}
