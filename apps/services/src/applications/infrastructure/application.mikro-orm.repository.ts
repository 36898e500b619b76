import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ServiceApplicationReadModel, type ApplicationView } from '../application/ports/application.read-model.js';
import { ServiceApplicationRepository } from '../application/ports/application.repository.js';
import type { ApplicationStatus, ServiceApplication } from '../domain/service-application.aggregate.js';
import { ServiceApplicationSchema } from './application.schema.js';

@Injectable()
export class MikroOrmServiceApplicationRepository extends ServiceApplicationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<ServiceApplication> {
    const a = await this.uow.em().findOne(ServiceApplicationSchema, { id });
    if (!a) throw new NotFoundError('service application', id);
    return a;
  }
  add(application: ServiceApplication): void {
    this.uow.em().persist(application);
  }
}

const view = (a: ServiceApplication): ApplicationView => ({
  id: a.id,
  callId: a.callId,
  serviceId: a.serviceId,
  recipientKind: a.recipientKind,
  recipientId: a.recipientId,
  filedBy: a.filedBy,
  participantAtFiling: a.participantAtFiling,
  language: a.language,
  translationRequired: a.translationRequired,
  translation:
    a.translationLanguage && a.translationDocumentRef && a.translatedAt
      ? { language: a.translationLanguage, documentRef: a.translationDocumentRef, recordedAt: a.translatedAt.toISOString() }
      : null,
  content: a.content,
  status: a.status,
  remarks: a.remarks,
  filedAt: a.filedAt.toISOString(),
  reviewDueOn: a.reviewDueOn,
  reviewOverdue: a.reviewOverdue,
  refusalGround: a.refusalGround,
  refusalReasons: a.refusalReasons,
  contract:
    a.contractId && a.contractPriceTiyn !== null && a.priceBasis && a.priceListEntryId && a.contractSignedOn
      ? { id: a.contractId, priceTiyn: a.contractPriceTiyn, priceBasis: a.priceBasis, priceListEntryId: a.priceListEntryId, signedOn: a.contractSignedOn }
      : null,
});

@Injectable()
export class MikroOrmServiceApplicationReadModel extends ServiceApplicationReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async find(id: string): Promise<ApplicationView | null> {
    const a = await this.uow.reader().findOne(ServiceApplicationSchema, { id });
    return a ? view(a) : null;
  }
  async list(filter: {
    recipientIds?: readonly string[];
    filedBy?: string;
    callId?: string;
    status?: ApplicationStatus;
    translationOpen?: boolean;
  }): Promise<ApplicationView[]> {
    const owner =
      filter.recipientIds || filter.filedBy
        ? {
            $or: [
              ...(filter.recipientIds ? [{ recipientKind: 'legal-entity' as const, recipientId: { $in: [...filter.recipientIds] } }] : []),
              ...(filter.filedBy ? [{ recipientKind: 'individual' as const, filedBy: filter.filedBy }] : []),
            ],
          }
        : {};
    const rows = await this.uow.reader().find(
      ServiceApplicationSchema,
      {
        ...owner,
        ...(filter.callId ? { callId: filter.callId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.translationOpen === undefined ? {} : { translationRequired: true, translationLanguage: filter.translationOpen ? null : { $ne: null } }),
      },
      { orderBy: { filedAt: 'desc', id: 'desc' }, limit: 500 },
    );
    return rows.map(view);
  }
  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.uow
      .reader()
      .execute<{ status: string; n: string }[]>(`select status, count(*)::text as n from services_application group by status`);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
