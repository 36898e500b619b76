import { defineEntity, type EntitySchema } from '@mikro-orm/core';
import { AnnualIncome } from '../domain/annual-income.js';
import { AuditObligation } from '../domain/audit-obligation.aggregate.js';
import { CorporateNotice } from '../domain/corporate-notice.js';
import { InformationRequest, type Attachment } from '../domain/information-request.aggregate.js';
import type { Tiyn } from '@hub/kernel';

const p = defineEntity.properties;

export const InformationRequestSchema = defineEntity({
  class: InformationRequest,
  tableName: 'information_request',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid().index('information_request_participation_idx'),
    bin: p.string().length(12),
    kind: p.string().length(40),
    description: p.text(),
    requestedOn: p.date(),
    requestedBy: p.string().length(200),
    dueDate: p.date(),
    status: p.string().length(20),
    answeredOn: p.date().nullable(),
    answerNote: p.text().nullable(),
    attachments: p.json<Attachment[]>().columnType('jsonb'),
    documentIds: p.json<string[]>().columnType('jsonb'),
    createdAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

export const AuditObligationSchema = defineEntity({
  class: AuditObligation,
  tableName: 'audit_obligation',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid(),
    bin: p.string().length(12),
    financialYear: p.integer(),
    // Integer tiyn in bigint columns, read into safe JS integers (ADR 0036).
    declaredIncomeTiyn: p.bigint('number').$type<Tiyn>(),
    thresholdTiyn: p.bigint('number').$type<Tiyn>(),
    dueDate: p.date(),
    status: p.string().length(20),
    submittedOn: p.date().nullable(),
    opinion: p.json<Attachment>().columnType('jsonb').nullable(),
    opinionDocumentId: p.uuid().nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
  uniques: [{ name: 'audit_obligation_year_unique', properties: ['participationId', 'financialYear'] }],
});

/** F-33 (ADR 0052): the company's declared income of a whole financial year. */
export const AnnualIncomeSchema = defineEntity({
  class: AnnualIncome,
  tableName: 'annual_income',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid(),
    bin: p.string().length(12),
    financialYear: p.integer(),
    incomeTiyn: p.bigint('number').$type<Tiyn>(),
    declaredOn: p.date(),
    createdAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
  uniques: [{ name: 'annual_income_year_unique', properties: ['participationId', 'financialYear'] }],
});

export const CorporateNoticeSchema = defineEntity({
  class: CorporateNotice,
  tableName: 'corporate_notice',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid().index('corporate_notice_participation_idx'),
    bin: p.string().length(12),
    kind: p.string().length(20),
    eventDate: p.date(),
    filedOn: p.date(),
    dueDate: p.date(),
    onTime: p.boolean(),
    description: p.text(),
    copies: p.json<Attachment[]>().columnType('jsonb'),
    documentIds: p.json<string[]>().columnType('jsonb'),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

export const obligationsModuleEntities = [
  InformationRequestSchema,
  AuditObligationSchema,
  AnnualIncomeSchema,
  CorporateNoticeSchema,
] as unknown as EntitySchema[];
