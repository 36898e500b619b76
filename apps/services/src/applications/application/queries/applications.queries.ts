import { Inject, Injectable } from '@nestjs/common';
import { type Actor, hasAnyRole } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import type { ApplicationStatus } from '../../domain/service-application.aggregate.js';
import { APPLICATION_READER_ROLES, mayRead } from '../access.js';
import { ServiceApplicationReadModel, type ApplicationView } from '../ports/application.read-model.js';

/** Reads: the Fund's readers see every application, an applicant only its companies' and its own as an individual. */
@Injectable()
export class ApplicationsQueries {
  constructor(@Inject(ServiceApplicationReadModel) private readonly readModel: ServiceApplicationReadModel) {}

  list(actor: Actor, filter: { callId?: string; status?: ApplicationStatus }): Promise<ApplicationView[]> {
    const base = { ...(filter.callId ? { callId: filter.callId } : {}), ...(filter.status ? { status: filter.status } : {}) };
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
