import { defineEntity, type EntitySchema } from '@mikro-orm/core';
import { AnalyticsReport } from '../domain/analytics-report.js';
import { NonResidentRecord, PiiAccessLogEntry, QuarterlyReport, type ReportIndicators } from '../domain/quarterly-report.aggregate.js';

const p = defineEntity.properties;

export const QuarterlyReportSchema = defineEntity({
  class: QuarterlyReport,
  tableName: 'quarterly_report',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid(),
    bin: p.string().length(12).index('quarterly_report_bin_idx'),
    year: p.integer(),
    quarter: p.smallint(),
    dueDate: p.date(),
    status: p.string().length(20),
    submittedAt: p.datetime().columnType('timestamptz').nullable(),
    resultsAnalysis: p.text().nullable(),
    indicators: p.json<ReportIndicators>().columnType('jsonb').nullable(),
    nonResidentCount: p.integer(),
    familyMemberCount: p.integer(),
    personalDataPurgedOn: p.date().nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
  uniques: [{ name: 'quarterly_report_quarter_unique', properties: ['participationId', 'year', 'quarter'] }],
});

export const NonResidentRecordSchema = defineEntity({
  class: NonResidentRecord,
  tableName: 'non_resident_record',
  properties: {
    id: p.uuid().primary(),
    reportId: p.uuid().index('non_resident_record_report_idx'),
    participationId: p.uuid(),
    bin: p.string().length(12),
    kind: p.string().length(20),
    position: p.integer(),
    /** F-42 personal data, AES-256-GCM ciphertext (ADR 0022). */
    personalData: p.text(),
    /** The key that encrypted personalData (rotation re-encrypts rows of retired keys). */
    keyId: p.string().length(50).index('non_resident_record_key_idx'),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

export const PiiAccessLogSchema = defineEntity({
  class: PiiAccessLogEntry,
  tableName: 'pii_access_log',
  properties: {
    id: p.uuid().primary(),
    actorSubject: p.string().length(200),
    actorRoles: p.json<string[]>().columnType('jsonb'),
    bin: p.string().length(12).index('pii_access_log_bin_idx'),
    participationId: p.uuid(),
    reportId: p.uuid(),
    what: p.string().length(500),
    correlationId: p.string().length(200).nullable(),
    accessedAt: p.datetime().columnType('timestamptz'),
  },
});

export const AnalyticsReportSchema = defineEntity({
  class: AnalyticsReport,
  tableName: 'analytics_report',
  properties: {
    id: p.uuid().primary(),
    year: p.integer(),
    quarter: p.smallint(),
    dueDate: p.date(),
    generatedAt: p.datetime().columnType('timestamptz'),
    participants: p.integer(),
    csv: p.text(),
    document: p.text(),
    version: p.integer().version(),
  },
  uniques: [{ name: 'analytics_report_quarter_unique', properties: ['year', 'quarter'] }],
});

export const reportingModuleEntities = [QuarterlyReportSchema, NonResidentRecordSchema, PiiAccessLogSchema, AnalyticsReportSchema] as unknown as EntitySchema[];
