import { Inject, Injectable } from '@nestjs/common';
import { DriverException } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import { ConflictError, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { AccelerationReadModel, type AllocationView, type CaseView, type DeadlineView } from '../application/ports/acceleration.read-model.js';
import { AccelerationRepository } from '../application/ports/acceleration.repository.js';
import { type Allocation, HOLDING_STATUSES } from '../domain/allocation.aggregate.js';
import type { Enrolment } from '../domain/enrolment.aggregate.js';
import type { HousingCase } from '../domain/housing-case.aggregate.js';
import { AllocationSchema, EnrolmentSchema, HousingCaseSchema, PiiAccessLogEntry, PiiAccessLogSchema } from './acceleration.schema.js';

const LIVE_CASE = ['waiting', 'offered', 'housed'];

@Injectable()
export class MikroOrmAccelerationRepository extends AccelerationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  enrolment(enrolmentId: string): Promise<Enrolment | null> {
    return this.uow.em().findOne(EnrolmentSchema, { enrolmentId });
  }
  addEnrolment(e: Enrolment): void {
    this.uow.em().persist(e);
  }
  async case(id: string): Promise<HousingCase> {
    const c = await this.uow.em().findOne(HousingCaseSchema, { id });
    if (!c) throw new NotFoundError('housing request', id);
    return c;
  }
  liveCaseOf(enrolmentId: string): Promise<HousingCase | null> {
    return this.uow.em().findOne(HousingCaseSchema, { enrolmentId, status: { $in: LIVE_CASE as HousingCase['status'][] } });
  }
  waitingIn(townKatoCode: string): Promise<HousingCase[]> {
    return this.uow.em().find(HousingCaseSchema, { townKatoCode, status: 'waiting' });
  }
  addCase(c: HousingCase): void {
    this.uow.em().persist(c);
  }
  async allocation(id: string): Promise<Allocation> {
    const a = await this.uow.em().findOne(AllocationSchema, { id });
    if (!a) throw new NotFoundError('allocation', id);
    return a;
  }
  holdingIn(unitIds: readonly string[]): Promise<Allocation[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.uow.em().find(AllocationSchema, { unitId: { $in: [...unitIds] }, status: { $in: [...HOLDING_STATUSES] } });
  }
  holdingOf(enrolmentId: string): Promise<Allocation[]> {
    return this.uow.em().find(AllocationSchema, { enrolmentId, status: { $in: [...HOLDING_STATUSES] } });
  }
  addAllocation(a: Allocation): void {
    this.uow.em().persist(a);
  }
  casesOf(enrolmentId: string): Promise<HousingCase[]> {
    return this.uow.em().find(HousingCaseSchema, { enrolmentId }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
  }
  allocationsOfEnrolment(enrolmentId: string): Promise<Allocation[]> {
    return this.uow.em().find(AllocationSchema, { enrolmentId });
  }
  async flushPlaces(): Promise<void> {
    try {
      await this.uow.em().flush();
    } catch (e) {
      // 23P01 exclusion_violation: the platform maps only unique violations (23505) to 409, so the
      // one constraint that is not a unique index is translated here, where it is declared.
      if (e instanceof DriverException && (e as DriverException & { code?: string }).code === '23P01')
        throw new ConflictError('place-taken', 'this bed is already held for an overlapping period (another request took it first)');
      throw e;
    }
  }
  logPiiRead(entry: {
    id: string;
    actorSubject: string;
    actorRoles: readonly string[];
    caseId: string;
    what?: string;
    correlationId: string | null;
    accessedAt: Date;
  }): void {
    this.uow.em().persist(PiiAccessLogEntry.of(entry));
  }
}

const caseView = (c: HousingCase): CaseView => ({
  id: c.id,
  enrolmentId: c.enrolmentId,
  townKatoCode: c.townKatoCode,
  enrolledOn: c.enrolledOn,
  cohortStartsOn: c.cohortStartsOn,
  status: c.status,
  requestedAt: c.requestedAt.toISOString(),
});
const allocationView = (a: Allocation): AllocationView => ({
  id: a.id,
  caseId: a.caseId,
  unitId: a.unitId,
  buildingId: a.buildingId,
  townKatoCode: a.townKatoCode,
  bed: a.bed,
  status: a.status,
  startsOn: a.startsOn,
  releasedOn: a.releasedOn,
  acceptBy: a.acceptBy,
  contractNumber: a.contractNumber,
  contractDuty: a.contractDuty,
  contractEndsOn: a.contractEndsOn,
  vacateReason: a.vacateReason,
  vacateBy: a.vacateBy,
  vacateOverdue: a.vacateOverdue,
  checkInAct: a.checkInAct,
  handoverAct: a.handoverAct,
});

@Injectable()
export class MikroOrmAccelerationReadModel extends AccelerationReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async cases(filter: { personSubject?: string; status?: string }): Promise<CaseView[]> {
    const rows = await this.uow.reader().find(
      HousingCaseSchema,
      {
        ...(filter.personSubject ? { personSubject: filter.personSubject } : {}),
        ...(filter.status ? { status: filter.status as HousingCase['status'] } : {}),
      },
      { orderBy: { requestedAt: 'desc', id: 'desc' }, limit: 500 },
    );
    return rows.map(caseView);
  }
  async caseById(id: string): Promise<(CaseView & { personSubject: string }) | null> {
    const c = await this.uow.reader().findOne(HousingCaseSchema, { id });
    return c ? { ...caseView(c), personSubject: c.personSubject } : null;
  }
  async waitingIn(townKatoCode: string) {
    const rows = await this.uow.reader().find(HousingCaseSchema, { townKatoCode, status: 'waiting' });
    return rows.map((c) => ({ caseId: c.id, enrolledOn: c.enrolledOn, cohortStartsOn: c.cohortStartsOn, requestedAt: c.requestedAt.toISOString() }));
  }
  async allocations(filter: { personSubject?: string; status?: string; caseId?: string }): Promise<AllocationView[]> {
    const rows = await this.uow.reader().find(
      AllocationSchema,
      {
        ...(filter.personSubject ? { personSubject: filter.personSubject } : {}),
        ...(filter.status ? { status: filter.status as Allocation['status'] } : {}),
        ...(filter.caseId ? { caseId: filter.caseId } : {}),
      },
      { orderBy: { offeredAt: 'desc', id: 'desc' }, limit: 500 },
    );
    return rows.map(allocationView);
  }
  async allocationById(id: string) {
    const a = await this.uow.reader().findOne(AllocationSchema, { id });
    return a ? { ...allocationView(a), personSubject: a.personSubject } : null;
  }
  async deadlines(today: IsoDate): Promise<DeadlineView[]> {
    // Every open one (ADR 0047: no silent cut-off; the caller pages them).
    const rows = await this.uow.reader().find(AllocationSchema, { status: { $in: ['offered', 'vacating'] } });
    return rows.map((a) =>
      a.status === 'offered'
        ? {
            kind: 'housing-offer-acceptance',
            ruleId: 'F-62',
            dueDate: a.acceptBy,
            overdue: today > a.acceptBy,
            subjectId: a.id,
            status: 'open',
            unitId: a.unitId,
            bed: a.bed,
          }
        : {
            kind: 'housing-vacate',
            ruleId: 'F-61',
            dueDate: a.vacateBy!,
            overdue: a.vacateOverdue || today > a.vacateBy!,
            subjectId: a.id,
            status: 'open',
            unitId: a.unitId,
            bed: a.bed,
          },
    );
  }
  async piiAccessLog() {
    const rows = await this.uow.reader().find(PiiAccessLogSchema, {}, { orderBy: { accessedAt: 'desc', id: 'desc' }, limit: 500 });
    return rows.map((r) => ({
      id: r.id,
      actorSubject: r.actorSubject,
      caseId: r.caseId,
      what: r.what,
      accessedAt: r.accessedAt.toISOString(),
      correlationId: r.correlationId,
    }));
  }
}
