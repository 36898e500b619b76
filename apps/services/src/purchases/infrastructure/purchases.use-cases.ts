import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { validateBin } from '@hub/identifiers';
import { Clock, NotFoundError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { CatalogueRepository } from '../../catalogue/application/ports/catalogue.repository.js';
import { parametersOn } from '../../catalogue/domain/services-parameters.js';
import { ServicesParametersSource } from '../../shared/application/ports/services-parameters.source.js';
import { ServicePurchase } from '../domain/purchase.aggregate.js';
import { ServicePurchaseSchema } from './purchase.schema.js';

export interface PurchaseView {
  id: string;
  serviceId: string;
  subject: string;
  openedOn: string;
  offersRequired: number;
  offers: { id: string; supplierName: string; supplierBin: string; amountTiyn: number; offeredOn: string; documentRef: string }[];
  status: 'collecting' | 'chosen';
  chosenOfferId: string | null;
  choiceReason: string | null;
}
const view = (p: ServicePurchase): PurchaseView => ({
  id: p.id,
  serviceId: p.serviceId,
  subject: p.subject,
  openedOn: p.openedOn,
  offersRequired: p.offersRequired,
  offers: p.offers.map((o) => ({ ...o })),
  status: p.status,
  chosenOfferId: p.chosenOfferId,
  choiceReason: p.choiceReason,
});

/** F-56 ¶2 use cases: open a purchase, collect commercial offers, choose one. One transaction each (ADR 0035). */
@Injectable()
export class PurchasesUseCases {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(ServicesParametersSource) private readonly parameters: ServicesParametersSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  open(input: { serviceId: string; subject: string }): Promise<{ id: string }> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const service = await this.catalogue.getService(input.serviceId);
      const { commercialOffersRequired } = parametersOn(this.parameters.versions(), today);
      const p = ServicePurchase.open({
        id: uuidv7(),
        ...input,
        delivery: service.delivery,
        openedOn: today,
        offersRequired: commercialOffersRequired,
        at: now,
      });
      em.persist(p);
      return { id: p.id };
    });
  }

  addOffer(id: string, offer: { supplierName: string; supplierBin: string; amountTiyn: number; offeredOn: string; documentRef: string }): Promise<void> {
    const bin = validateBin(offer.supplierBin, 'supplierBin');
    if (!bin.ok) throw bin.error;
    return this.uow.run(async () => {
      (await this.get(id)).addOffer(
        { id: uuidv7(), ...offer, supplierName: offer.supplierName.trim(), documentRef: offer.documentRef.trim() },
        this.clock.now(),
      );
    });
  }

  choose(id: string, offerId: string, reason: string | undefined): Promise<void> {
    return this.uow.run(async () => {
      (await this.get(id)).choose(offerId, reason, this.clock.now());
    });
  }

  async find(id: string): Promise<PurchaseView> {
    const p = await this.uow.reader().findOne(ServicePurchaseSchema, { id });
    if (!p) throw new NotFoundError('purchase', id);
    return view(p);
  }
  async list(serviceId?: string): Promise<PurchaseView[]> {
    const rows = await this.uow.reader().find(ServicePurchaseSchema, serviceId ? { serviceId } : {}, { orderBy: { openedOn: 'desc', id: 'desc' }, limit: 500 });
    return rows.map(view);
  }

  private async get(id: string): Promise<ServicePurchase> {
    const p = await this.uow.em().findOne(ServicePurchaseSchema, { id });
    if (!p) throw new NotFoundError('purchase', id);
    return p;
  }
}
