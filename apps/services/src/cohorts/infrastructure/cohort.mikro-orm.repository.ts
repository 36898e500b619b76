import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { CohortReadModel, CohortRepository, type CohortView, type EnrolmentView } from '../application/ports/cohort.repository.js';
import type { Cohort, Enrolment } from '../domain/cohort.aggregate.js';
import { CohortSchema, EnrolmentSchema } from './cohort.schema.js';

@Injectable()
export class MikroOrmCohortRepository extends CohortRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string, options: { forUpdate?: boolean } = {}): Promise<Cohort> {
    const c = await this.uow.em().findOne(CohortSchema, { id }, options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!c) throw new NotFoundError('cohort', id);
    return c;
  }
  add(cohort: Cohort): void {
    this.uow.em().persist(cohort);
  }
  async getEnrolment(id: string): Promise<Enrolment> {
    const e = await this.uow.em().findOne(EnrolmentSchema, { id });
    if (!e) throw new NotFoundError('enrolment', id);
    return e;
  }
  enrolledIn(cohortId: string): Promise<Enrolment[]> {
    return this.uow.em().find(EnrolmentSchema, { cohortId, status: 'enrolled' }, { orderBy: { enrolledOn: 'asc', id: 'asc' } });
  }
  addEnrolment(enrolment: Enrolment): void {
    this.uow.em().persist(enrolment);
  }
}

/** F-42: an IIN in a view shows only its last four digits. */
export const maskIin = (iin: string): string => `********${iin.slice(-4)}`;

const cohortView = (c: Cohort): CohortView => ({
  id: c.id,
  serviceId: c.serviceId,
  title: c.title,
  town: c.town,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  capacity: c.capacity,
  enrolledCount: c.enrolledCount,
  placesLeft: c.capacity - c.enrolledCount,
});

@Injectable()
export class MikroOrmCohortReadModel extends CohortReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async list(filter: { serviceId?: string }): Promise<CohortView[]> {
    const rows = await this.uow
      .reader()
      .find(CohortSchema, filter.serviceId ? { serviceId: filter.serviceId } : {}, { orderBy: { startsOn: 'desc', id: 'desc' }, limit: 500 });
    return rows.map(cohortView);
  }
  async get(id: string): Promise<CohortView | null> {
    const c = await this.uow.reader().findOne(CohortSchema, { id });
    return c ? cohortView(c) : null;
  }
  async enrolments(cohortId: string): Promise<EnrolmentView[]> {
    const rows = await this.uow.reader().find(EnrolmentSchema, { cohortId }, { orderBy: { enrolledOn: 'asc', id: 'asc' } });
    return rows.map((e) => ({
      id: e.id,
      cohortId: e.cohortId,
      applicationId: e.applicationId,
      contractId: e.contractId,
      recipientKind: e.recipientKind,
      recipientId: e.recipientKind === 'individual' ? maskIin(e.recipientId) : e.recipientId,
      personIin: maskIin(e.personIin),
      status: e.status,
      enrolledOn: e.enrolledOn,
      leftOn: e.leftOn,
      expulsionGround: e.expulsionGround,
    }));
  }
}
