import { defineEntity } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import {
  ServiceApplication,
  type ApplicationContent,
  type ApplicationStatus,
  type Language,
  type RecipientKind,
  type RefusalGround,
  type Remark,
} from '../domain/service-application.aggregate.js';

const p = defineEntity.properties;

/**
 * services_application (ADR 0035 §1): the F-48 content and remarks as jsonb, the fixed contract price
 * as bigint tiyn (ADR 0036). A partial unique index (migration) allows one live application per
 * (call, recipient); refused ones are excepted so that the recipient may apply again (F-54).
 */
export const ServiceApplicationSchema = defineEntity({
  class: ServiceApplication,
  className: 'ServiceApplication',
  tableName: 'services_application',
  properties: {
    id: p.uuid().primary(),
    callId: p.uuid(),
    serviceId: p.uuid(),
    recipientKind: p.string().length(20).$type<RecipientKind>(),
    recipientId: p.string().length(36),
    filedBy: p.string().length(200),
    participantAtFiling: p.boolean(),
    language: p.string().length(2).$type<Language>(),
    translationRequired: p.boolean(),
    translationLanguage: p.string().length(2).$type<'kk' | 'ru'>().nullable(),
    translationDocumentRef: p.string().length(200).nullable(),
    translatedAt: p.datetime().columnType('timestamptz').nullable(),
    translatedBy: p.string().length(200).nullable(),
    declarationAccepted: p.boolean(),
    content: p.json<ApplicationContent>(),
    status: p.string().length(20).$type<ApplicationStatus>(),
    remarks: p.json<readonly Remark[]>(),
    filedAt: p.datetime().columnType('timestamptz'),
    reviewDueOn: p.date().$type<IsoDate>(),
    reviewOverdue: p.boolean(),
    refusalGround: p.string().length(40).$type<RefusalGround>().nullable(),
    refusalReasons: p.text().nullable(),
    decidedAt: p.datetime().columnType('timestamptz').nullable(),
    contractId: p.uuid().nullable(),
    contractPriceTiyn: p.bigint('number').nullable(),
    priceBasis: p.string().length(20).$type<'participant' | 'non-participant'>().nullable(),
    priceListEntryId: p.uuid().nullable(),
    contractSignedOn: p.date().$type<IsoDate>().nullable(),
    contractPayerNameCipher: p.text().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
