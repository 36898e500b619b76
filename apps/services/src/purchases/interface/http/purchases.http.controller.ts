import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { BinSchema, IsoDateSchema, TiynSchema } from '@hub/contracts';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { PurchasesUseCases } from '../../infrastructure/purchases.use-cases.js';

const OpenBody = z.object({ serviceId: z.uuid(), subject: z.string().min(3).max(300) });
const OfferBody = z.object({
  supplierName: z.string().min(2).max(300),
  supplierBin: BinSchema,
  amountTiyn: TiynSchema.describe('Integer tiyn (ADR 0036)'),
  offeredOn: IsoDateSchema,
  documentRef: z.string().min(3).max(300).describe('The offer document’s reference'),
});
const ChoiceBody = z.object({ offerId: z.uuid(), reason: z.string().max(5000).optional().describe('Required when the offer is not the cheapest (F-56 ¶2)') });
const IdParams = z.object({ id: z.uuid() });
const ListQuery = z.object({ serviceId: z.uuid().optional() });
const OfferView = OfferBody.extend({ id: z.uuid() });
const PurchaseView = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  subject: z.string(),
  openedOn: IsoDateSchema,
  offersRequired: z.int(),
  offers: z.array(OfferView),
  status: z.enum(['collecting', 'chosen']),
  chosenOfferId: z.uuid().nullable(),
  choiceReason: z.string().nullable(),
});
const tags = ['purchases'];
const BUYERS = ['fund-officer', 'finance-officer'] as const;

/** Third-party services bought on commercial offers (F-56 ¶2). */
@Controller('purchases')
export class PurchasesHttpController {
  constructor(@Inject(PurchasesUseCases) private readonly purchases: PurchasesUseCases) {}

  @Post()
  @Endpoint({
    summary: 'Open a purchase of a third-party service (F-56 ¶2)',
    tags,
    access: [...BUYERS],
    body: OpenBody,
    status: 201,
    response: PurchaseView,
    errors: [404, 422],
  })
  async open(@ValidBody() body: z.infer<typeof OpenBody>) {
    const { id } = await this.purchases.open(body);
    return this.purchases.find(id);
  }

  @Get()
  @Endpoint({ summary: 'Purchases with their offers', tags, access: [...BUYERS, 'auditor'], query: ListQuery, response: z.array(PurchaseView) })
  list(@ValidQuery() q: z.infer<typeof ListQuery>) {
    return this.purchases.list(q.serviceId);
  }

  @Get(':id')
  @Endpoint({ summary: 'One purchase', tags, access: [...BUYERS, 'auditor'], params: IdParams, response: PurchaseView, errors: [404] })
  get(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.purchases.find(p.id);
  }

  @Post(':id/offers')
  @Endpoint({
    summary: 'Add a commercial offer (F-56 ¶2)',
    tags,
    access: [...BUYERS],
    params: IdParams,
    body: OfferBody,
    status: 201,
    response: PurchaseView,
    errors: [404, 409, 422],
  })
  async offer(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof OfferBody>) {
    await this.purchases.addOffer(p.id, body);
    return this.purchases.find(p.id);
  }

  @Post(':id/choice')
  @HttpCode(200)
  @Endpoint({
    summary: 'Choose the supplier once enough offers are in; a reason when not the cheapest (F-56 ¶2)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: ChoiceBody,
    response: PurchaseView,
    errors: [404, 409, 422],
  })
  async choose(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ChoiceBody>) {
    await this.purchases.choose(p.id, body.offerId, body.reason);
    return this.purchases.find(p.id);
  }
}
