import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { type Actor, FUND_STAFF_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { PremisesLeaseReadModel } from '../../../premises/application/ports/premises.repository.js';
import { waitlistOrder } from '../../domain/rules/f62-waitlist-order.rule.js';
import { AccelerationReadModel, type AllocationView, type CaseView, type DeadlineView, type WaitlistView } from '../ports/acceleration.read-model.js';

const strip = <T extends { personSubject: string }>(v: T): Omit<T, 'personSubject'> => {
  const { personSubject: _omit, ...rest } = v;
  return rest;
};

/** Reads: the Fund's staff see every case and allocation; a person only their own (the token's subject). No personal data (F-42). */
@Injectable()
export class AccelerationQueries {
  constructor(
    @Inject(AccelerationReadModel) private readonly reads: AccelerationReadModel,
    @Inject(PremisesLeaseReadModel) private readonly premises: PremisesLeaseReadModel,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  cases(actor: Actor, filter: { status?: string }): Promise<CaseView[]> {
    return this.reads.cases({ ...filter, ...(hasAnyRole(actor, FUND_STAFF_ROLES) ? {} : { personSubject: actor.subject }) });
  }
  async case(id: string, actor: Actor): Promise<CaseView> {
    const c = await this.reads.caseById(id);
    if (!c || (!hasAnyRole(actor, FUND_STAFF_ROLES) && c.personSubject !== actor.subject)) throw new NotFoundError('housing request', id);
    return strip(c);
  }
  /** F-62 (ADR 0056): the town's waitlist in its published order — positions, case ids and dates only. */
  async waitlist(townKatoCode: string): Promise<WaitlistView[]> {
    const entries = (await this.reads.waitingIn(townKatoCode)).map((e) => ({ ...e, requestedAt: new Date(e.requestedAt) }));
    return waitlistOrder(entries).map((e, i) => ({
      position: i + 1,
      caseId: e.caseId,
      enrolledOn: e.enrolledOn,
      cohortStartsOn: e.cohortStartsOn,
      requestedAt: e.requestedAt.toISOString(),
    }));
  }
  allocations(actor: Actor, filter: { status?: string; caseId?: string }): Promise<AllocationView[]> {
    return this.reads.allocations({ ...filter, ...(hasAnyRole(actor, FUND_STAFF_ROLES) ? {} : { personSubject: actor.subject }) });
  }
  async allocation(id: string, actor: Actor): Promise<AllocationView> {
    const a = await this.reads.allocationById(id);
    if (!a || (!hasAnyRole(actor, FUND_STAFF_ROLES) && a.personSubject !== actor.subject)) throw new NotFoundError('allocation', id);
    return strip(a);
  }
  /** ADR 0033: open offer-acceptance (F-62), vacate (F-61) and premises hand-back (F-58, ADR 0053) deadlines, by due date. */
  async deadlines(): Promise<DeadlineView[]> {
    const today = almatyDate(this.clock.now());
    const rows = [...(await this.reads.deadlines(today)), ...(await this.premises.handBackDeadlines(today))];
    return rows.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.subjectId < b.subjectId ? -1 : 1));
  }
  piiAccessLog() {
    return this.reads.piiAccessLog();
  }
}
