import { defineEntity } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import { ServicePurchase } from '../domain/purchase.aggregate.js';
import type { CommercialOffer } from '../domain/rules/commercial-offers.rule.js';

const p = defineEntity.properties;

/** services_purchase (F-56 ¶2): the offers as jsonb (amounts in integer tiyn, ADR 0036), optimistic version. */
export const ServicePurchaseSchema = defineEntity({
  class: ServicePurchase,
  className: 'ServicePurchase',
  tableName: 'services_purchase',
  properties: {
    id: p.uuid().primary(),
    serviceId: p.uuid(),
    subject: p.string().length(300),
    openedOn: p.date().$type<IsoDate>(),
    offersRequired: p.integer(),
    offers: p.json<readonly CommercialOffer[]>(),
    status: p.string().length(20).$type<'collecting' | 'chosen'>(),
    chosenOfferId: p.uuid().nullable(),
    choiceReason: p.text().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
