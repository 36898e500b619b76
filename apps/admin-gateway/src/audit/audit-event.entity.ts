import { defineEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * One row of the audit trail (ADR 0032). Append-only: the gateway only inserts (plain SQL in
 * AuditTrail), no route updates or deletes, and the database itself rejects UPDATE, DELETE and
 * TRUNCATE with a trigger (see the migration). The entity exists so that migrations are generated.
 */
export const AuditEventEntity = defineEntity({
  name: 'GatewayAuditEvent',
  tableName: 'gateway_audit_event',
  properties: {
    /** Append order, gap-free in practice: what an auditor sorts by (several rows can share a millisecond). */
    seq: p.bigint('string').primary().autoincrement(),
    /** uuidv7, the row's public id. */
    id: p.uuid().unique('gateway_audit_event_id_unique'),
    occurredAt: p.datetime().columnType('timestamptz'),
    /** write | restricted-read | audit-read */
    kind: p.string().length(30),
    /** The verified token subject; null when the caller could not be authenticated. */
    subject: p.string().length(200).nullable(),
    roles: p.json<string[]>().columnType('jsonb'),
    /** The company the request acted on (a :bin in the path), else the caller's only company. */
    companyBin: p.string().length(12).nullable(),
    /** Every company the caller's token names (F-35). */
    actorCompanies: p.json<string[]>().columnType('jsonb'),
    method: p.string().length(10),
    /** The declared route (`/api/participation/participations/:bin/payments`); null when undeclared. */
    route: p.string().length(300).nullable(),
    /** The path called, without its query string (queries may carry personal data). */
    path: p.string().length(1000),
    upstream: p.string().length(60).nullable(),
    resourceId: p.string().length(200).nullable(),
    /** HTTP status the caller got. */
    status: p.integer(),
    /** allowed (2xx/3xx), denied (401/403/404/405/429 by the gateway), rejected (other 4xx), failed (5xx). */
    outcome: p.string().length(20),
    correlationId: p.string().length(200),
    requestId: p.string().length(100).nullable(),
    clientIp: p.string().length(100).nullable(),
    durationMs: p.integer(),
  },
  indexes: [
    { name: 'gateway_audit_event_occurred_idx', properties: ['occurredAt'] },
    { name: 'gateway_audit_event_subject_idx', properties: ['subject', 'occurredAt'] },
    { name: 'gateway_audit_event_company_idx', properties: ['companyBin', 'occurredAt'] },
    { name: 'gateway_audit_event_correlation_idx', properties: ['correlationId'] },
  ],
});
