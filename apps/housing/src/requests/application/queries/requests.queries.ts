import { Inject, Injectable } from '@nestjs/common';
import { type Actor, FUND_STAFF_ROLES, hasAnyRole } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import type { RequestStatus } from '../../domain/request.aggregate.js';
import { HousingRequestReadModel, type RequestView } from '../ports/request.read-model.js';

/** Reads of requests with F-35 applied: the Fund's staff see every company, a representative only its own. */
@Injectable()
export class RequestsQueries {
  constructor(@Inject(HousingRequestReadModel) private readonly readModel: HousingRequestReadModel) {}

  async list(actor: Actor, filter: { bin?: string; status?: RequestStatus }): Promise<RequestView[]> {
    const staff = hasAnyRole(actor, FUND_STAFF_ROLES);
    const bins = staff ? (filter.bin ? [filter.bin] : undefined) : actor.companies.filter((b) => !filter.bin || b === filter.bin);
    if (bins?.length === 0) return [];
    return this.readModel.list({ ...(bins ? { bins } : {}), ...(filter.status ? { status: filter.status } : {}) });
  }

  /** A request the actor may not see is answered as not found (its existence is not disclosed). */
  async get(id: string, actor: Actor): Promise<RequestView> {
    const view = await this.readModel.find(id);
    if (!view || (!hasAnyRole(actor, FUND_STAFF_ROLES) && !actor.companies.includes(view.bin))) throw new NotFoundError('request', id);
    return view;
  }
}
