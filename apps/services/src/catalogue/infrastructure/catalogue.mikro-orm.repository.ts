import type { IsoDate } from '@hub/calendar';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { CatalogueReadModel, type CallView, type PriceView, type ServiceView } from '../application/ports/catalogue.read-model.js';
import { CatalogueRepository } from '../application/ports/catalogue.repository.js';
import type { ServiceCall } from '../domain/call.aggregate.js';
import type { PriceListEntry } from '../domain/price-list-entry.aggregate.js';
import type { CatalogueService } from '../domain/service.aggregate.js';
import { CatalogueServiceSchema, PriceListEntrySchema, ServiceCallSchema } from './catalogue.schema.js';

/** The repository on the unit of work's EntityManager (ADR 0035 §4). */
@Injectable()
export class MikroOrmCatalogueRepository extends CatalogueRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async getService(id: string): Promise<CatalogueService> {
    const s = await this.uow.em().findOne(CatalogueServiceSchema, { id });
    if (!s) throw new NotFoundError('service', id);
    return s;
  }
  addService(service: CatalogueService): void {
    this.uow.em().persist(service);
  }
  priceListOf(serviceId: string): Promise<PriceListEntry[]> {
    return this.uow.em().find(PriceListEntrySchema, { serviceId }, { orderBy: { effectiveFrom: 'asc' } });
  }
  addPrice(entry: PriceListEntry): void {
    this.uow.em().persist(entry);
  }
  async getCall(id: string): Promise<ServiceCall> {
    const c = await this.uow.em().findOne(ServiceCallSchema, { id });
    if (!c) throw new NotFoundError('call', id);
    return c;
  }
  async firstIntakeOpensOn(serviceId: string): Promise<IsoDate | null> {
    const [first] = await this.uow.em().find(ServiceCallSchema, { serviceId }, { orderBy: { intakeOpensOn: 'asc' }, limit: 1, fields: ['intakeOpensOn'] });
    return first?.intakeOpensOn ?? null;
  }
  addCall(call: ServiceCall): void {
    this.uow.em().persist(call);
  }
}

const priceView = (e: PriceListEntry): PriceView => ({
  id: e.id,
  effectiveFrom: e.effectiveFrom,
  participantPriceTiyn: e.participantPriceTiyn,
  nonParticipantPriceTiyn: e.nonParticipantPriceTiyn,
  documentRef: e.documentRef,
});
const callView = (c: ServiceCall): CallView => ({
  id: c.id,
  serviceId: c.serviceId,
  title: c.title,
  contractConditions: c.contractConditions,
  draftContract: c.draftContract,
  publishedOn: c.publishedOn,
  intakeOpensOn: c.intakeOpensOn,
  intakeClosesOn: c.intakeClosesOn,
  reviewWorkingDays: c.reviewWorkingDays,
});

/** Reads on a fresh EntityManager fork (no transaction). */
@Injectable()
export class MikroOrmCatalogueReadModel extends CatalogueReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async services(): Promise<ServiceView[]> {
    const em = this.uow.reader();
    const [services, prices] = await Promise.all([
      em.find(CatalogueServiceSchema, {}, { orderBy: { code: 'asc' } }),
      em.find(PriceListEntrySchema, {}, { orderBy: { effectiveFrom: 'asc' } }),
    ]);
    return services.map((s) =>
      this.view(
        s,
        prices.filter((p) => p.serviceId === s.id),
      ),
    );
  }
  async service(id: string): Promise<ServiceView | null> {
    const em = this.uow.reader();
    const s = await em.findOne(CatalogueServiceSchema, { id });
    return s ? this.view(s, await em.find(PriceListEntrySchema, { serviceId: id }, { orderBy: { effectiveFrom: 'asc' } })) : null;
  }
  async calls(filter: { serviceId?: string }): Promise<CallView[]> {
    const rows = await this.uow
      .reader()
      .find(ServiceCallSchema, filter.serviceId ? { serviceId: filter.serviceId } : {}, { orderBy: { intakeOpensOn: 'desc', id: 'desc' }, limit: 500 });
    return rows.map(callView);
  }
  async call(id: string): Promise<CallView | null> {
    const c = await this.uow.reader().findOne(ServiceCallSchema, { id });
    return c ? callView(c) : null;
  }
  private view(s: CatalogueService, prices: PriceListEntry[]): ServiceView {
    return {
      id: s.id,
      code: s.code,
      title: s.title,
      direction: s.direction,
      eligibility: s.eligibility,
      requiredSections: s.requiredSections,
      delivery: s.delivery,
      priceList: prices.map(priceView),
    };
  }
}
