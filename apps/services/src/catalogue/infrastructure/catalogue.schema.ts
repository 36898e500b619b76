import { defineEntity } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import { ServiceCall, type DraftContract } from '../domain/call.aggregate.js';
import { PriceListEntry } from '../domain/price-list-entry.aggregate.js';
import { CatalogueService, type Delivery, type Eligibility, type ProgrammeDirection, type RequiredSections } from '../domain/service.aggregate.js';

const p = defineEntity.properties;

/** services_service: the catalogue (F-43 … F-46). */
export const CatalogueServiceSchema = defineEntity({
  class: CatalogueService,
  className: 'CatalogueService',
  tableName: 'services_service',
  properties: {
    id: p.uuid().primary(),
    code: p.string().length(60).unique(),
    title: p.string().length(300),
    direction: p.string().length(40).$type<ProgrammeDirection>(),
    eligibility: p.string().length(40).$type<Eligibility>(),
    requiredSections: p.json<RequiredSections>(),
    delivery: p.string().length(20).$type<Delivery>(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

/** services_price_list_entry: F-56, amounts as bigint tiyn (ADR 0036), one entry per (service, effective_from). */
export const PriceListEntrySchema = defineEntity({
  class: PriceListEntry,
  className: 'PriceListEntry',
  tableName: 'services_price_list_entry',
  properties: {
    id: p.uuid().primary(),
    serviceId: p.uuid(),
    effectiveFrom: p.date().$type<IsoDate>(),
    participantPriceTiyn: p.bigint('number').nullable(),
    nonParticipantPriceTiyn: p.bigint('number').nullable(),
    documentRef: p.string().length(300),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

/** services_call: calls and their intake windows (F-47, F-55). */
export const ServiceCallSchema = defineEntity({
  class: ServiceCall,
  className: 'ServiceCall',
  tableName: 'services_call',
  properties: {
    id: p.uuid().primary(),
    serviceId: p.uuid(),
    title: p.string().length(300),
    contractConditions: p.text(),
    draftContract: p.json<DraftContract>(),
    publishedOn: p.date().$type<IsoDate>(),
    intakeOpensOn: p.date().$type<IsoDate>(),
    intakeClosesOn: p.date().$type<IsoDate>(),
    reviewWorkingDays: p.integer(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});
