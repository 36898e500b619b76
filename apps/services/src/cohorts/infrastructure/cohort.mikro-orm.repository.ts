import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { Actor } from '@hub/contracts';
import { Clock, NotFoundError, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { PiiCipher } from '@hub/pii';
import { PiiAccess } from '../domain/pii-access.js';
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
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }
  async find(id: string, reader: Actor): Promise<CohortView | null> {
    return (await this.views({ id }, reader))[0] ?? null;
  }
  list(filter: { serviceId?: string }, reader: Actor): Promise<CohortView[]> {
    return this.views(filter.serviceId ? { serviceId: filter.serviceId } : {}, reader);
  }
  /** F-42 (ADR 0068): the IINs are decrypted in the same transaction that logs the read, one log row per cohort shown with members. */
  private views(where: { id?: string; serviceId?: string }, reader: Actor): Promise<CohortView[]> {
    return this.uow.run(async (em) => {
      const views = await this.load(where);
      const at = this.clock.now();
      for (const v of views.filter((c) => c.enrolments.length > 0))
        em.persist(
          PiiAccess.record({
            id: uuidv7(),
            actorSubject: reader.subject,
            actorRoles: [...reader.roles],
            cohortId: v.id,
            what: `cohort members' IINs (${v.enrolments.length})`,
            correlationId: MessageContexts.current()?.correlationId ?? null,
            at,
          }),
        );
      return views;
    });
  }
  private async load(where: { id?: string; serviceId?: string }): Promise<CohortView[]> {
    const em = this.uow.em();
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
          personIin: this.cipher.decrypt(e.personIinCipher, e.id),
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
