import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { HousingRequestReadModel, type RequestView } from '../application/ports/request.read-model.js';
import { HousingRequestRepository } from '../application/ports/request.repository.js';
import type { HousingRequest, RequestStatus } from '../domain/request.aggregate.js';
import { HousingRequestSchema } from './request.schema.js';

/**
 * The repository on MikroORM (ADR 0035 §4): it works on the current unit of work's EntityManager
 * (`UnitOfWork.em()`), so what it loads is in that identity map — changes are flushed, recorded
 * events published and optimistic locks checked by the unit of work.
 */
@Injectable()
export class MikroOrmHousingRequestRepository extends HousingRequestRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<HousingRequest> {
    const request = await this.uow.em().findOne(HousingRequestSchema, { id });
    if (!request) throw new NotFoundError('request', id);
    return request;
  }
  countOpenOf(bin: string): Promise<number> {
    return this.uow.em().count(HousingRequestSchema, { bin, status: { $in: ['open', 'overdue'] } });
  }
  add(request: HousingRequest): void {
    this.uow.em().persist(request);
  }
}

const view = (r: HousingRequest): RequestView => ({
  id: r.id,
  bin: r.bin,
  subject: r.subject,
  status: r.status,
  openedAt: r.openedAt.toISOString(),
  reviewDueOn: r.reviewDueOn,
});

/** Reads on a fresh EntityManager fork (no transaction). */
@Injectable()
export class MikroOrmHousingRequestReadModel extends HousingRequestReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async find(id: string): Promise<RequestView | null> {
    const r = await this.uow.reader().findOne(HousingRequestSchema, { id });
    return r ? view(r) : null;
  }
  async list(filter: { bins?: readonly string[]; status?: RequestStatus }): Promise<RequestView[]> {
    const rows = await this.uow
      .reader()
      .find(
        HousingRequestSchema,
        { ...(filter.bins ? { bin: { $in: [...filter.bins] } } : {}), ...(filter.status ? { status: filter.status } : {}) },
        { orderBy: { openedAt: 'desc', id: 'desc' }, limit: 500 },
      );
    return rows.map(view);
  }
  async countByStatus(): Promise<Record<RequestStatus, number>> {
    const rows = await this.uow
      .reader()
      .execute<{ status: RequestStatus; n: string }[]>(`select status, count(*)::text as n from housing_request group by status`);
    const counts: Record<RequestStatus, number> = { open: 0, overdue: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }
}
