import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DEADLINE_READER_ROLES, PARTICIPANT_FILE_ROLES, hasAnyRole } from '@hub/contracts';
import { almatyDate } from '@hub/calendar';
import { Clock, NotFoundError } from '@hub/kernel';
import type { ApplicationStatus } from '../../domain/service-application.aggregate.js';
import { APPLICATION_READER_ROLES, mayRead } from '../access.js';
import { ServiceApplicationReadModel, type ApplicationView } from '../ports/application.read-model.js';

export interface ReviewDeadline {
  kind: 'service-application-review';
  ruleId: string;
  dueDate: string;
  overdue: boolean;
  bin?: string;
  subjectId: string;
  status: 'open';
  callId: string;
  serviceId: string;
}

/** Reads: the Fund's readers see every application, an applicant only its companies' and its own as an individual. */
@Injectable()
export class ApplicationsQueries {
  constructor(
    @Inject(ServiceApplicationReadModel) private readonly readModel: ServiceApplicationReadModel,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * ADR 0033: the open review deadlines (F-51; length per call, ADR 0061) by due working day. The
   * Fund's file readers see all; an applicant its own. An individual's IIN is not on the board (F-42).
   */
  async deadlines(actor: Actor): Promise<ReviewDeadline[]> {
    const today = almatyDate(this.clock.now());
    const open = hasAnyRole(actor, [...PARTICIPANT_FILE_ROLES, ...DEADLINE_READER_ROLES])
      ? await this.readModel.list({ status: 'under-review' })
      : await this.readModel.list({ status: 'under-review', recipientIds: actor.companies, filedBy: actor.subject });
    return open
      .map((a) => ({
        kind: 'service-application-review' as const,
        ruleId: 'F-51',
        dueDate: a.reviewDueOn,
        overdue: a.reviewOverdue || today > a.reviewDueOn,
        ...(a.recipientKind === 'legal-entity' ? { bin: a.recipientId } : {}),
        subjectId: a.id,
        status: 'open' as const,
        callId: a.callId,
        serviceId: a.serviceId,
      }))
      .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.subjectId < y.subjectId ? -1 : 1));
  }

  list(actor: Actor, filter: { callId?: string; status?: ApplicationStatus; translation?: 'open' | 'done' }): Promise<ApplicationView[]> {
    const base = {
      ...(filter.callId ? { callId: filter.callId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.translation ? { translationOpen: filter.translation === 'open' } : {}), // F-49: the translation tasks
    };
    if (hasAnyRole(actor, APPLICATION_READER_ROLES)) return this.readModel.list(base);
    return this.readModel.list({ ...base, recipientIds: actor.companies, filedBy: actor.subject });
  }

  /** One the actor may not read is answered as not found. */
  async get(id: string, actor: Actor): Promise<ApplicationView> {
    const a = await this.readModel.find(id);
    if (!a || !mayRead(actor, a)) throw new NotFoundError('service application', id);
    return a;
  }
}
