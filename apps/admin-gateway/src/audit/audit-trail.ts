import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { BinSchema, PageQuerySchema, pageOf } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';

export const AUDIT_KINDS = ['write', 'restricted-read', 'audit-read'] as const;
export const AUDIT_OUTCOMES = ['allowed', 'denied', 'rejected', 'failed'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntry {
  readonly kind: AuditKind;
  readonly subject: string | null;
  readonly roles: readonly string[];
  readonly companyBin: string | null;
  readonly actorCompanies: readonly string[];
  readonly method: string;
  readonly route: string | null;
  readonly path: string;
  readonly upstream: string | null;
  readonly resourceId: string | null;
  readonly status: number;
  /** Whether the gateway itself refused the call (so a 404 of the gateway is `denied`, a 404 of a context `rejected`). */
  readonly deniedByGateway: boolean;
  readonly correlationId: string;
  readonly requestId: string | null;
  readonly clientIp: string | null;
  readonly durationMs: number;
}

/**
 * A caller's text as its column can hold it (issue #18, found by the gateway's fuzz run): PostgreSQL
 * refuses U+0000 in text (a decoded `%00` in a path parameter) and a value longer than the column —
 * either used to fail the insert and lose the record. NUL becomes U+FFFD (still visible as "something
 * was here"), and the value is cut to the column's length.
 */
export function columnText<T extends string | null>(value: T, max: number): T {
  if (value === null) return value;
  return value.replace(/\u0000/g, '\uFFFD').slice(0, max) as T;
}

export function outcomeOf(status: number, deniedByGateway: boolean): AuditOutcome {
  if (deniedByGateway) return 'denied';
  if (status < 400) return 'allowed';
  if (status < 500) return status === 401 || status === 403 ? 'denied' : 'rejected';
  return 'failed';
}

export const AuditQuerySchema = PageQuerySchema.extend({
  subject: z.string().min(1).max(200).optional(),
  companyBin: BinSchema.optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  upstream: z.string().min(1).max(60).optional(),
  resourceId: z.string().min(1).max(200).optional(),
  correlationId: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('occurred at or after (ISO 8601 instant)'),
  to: z.iso.datetime({ offset: true }).optional().describe('occurred before (ISO 8601 instant)'),
  before: z
    .string()
    .regex(/^[1-9]\d{0,18}$/)
    .optional()
    .describe(
      "keyset paging: only rows older than this `seq` (give the last row's seq; `page` is then ignored) — rows appended meanwhile do not shift the pages",
    ),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEventSchema = z.object({
  seq: z.string().describe('append order'),
  id: z.string(),
  occurredAt: z.string(),
  kind: z.enum(AUDIT_KINDS),
  subject: z.string().nullable(),
  roles: z.array(z.string()),
  companyBin: z.string().nullable(),
  actorCompanies: z.array(z.string()),
  method: z.string(),
  route: z.string().nullable(),
  path: z.string(),
  upstream: z.string().nullable(),
  resourceId: z.string().nullable(),
  status: z.number().int(),
  outcome: z.enum(AUDIT_OUTCOMES),
  correlationId: z.string(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  durationMs: z.number().int(),
});
export type AuditEventView = z.infer<typeof AuditEventSchema>;
export const AuditPageSchema = pageOf(AuditEventSchema);

const SELECT_COLUMNS =
  'seq, ' +
  'id, occurred_at, kind, subject, roles, company_bin, actor_companies, method, route, path, upstream, resource_id, status, outcome, correlation_id, request_id, client_ip, duration_ms';
const INSERT_COLUMNS = `id, occurred_at, kind, subject, roles, company_bin, actor_companies, method, route, path, upstream, resource_id, status, outcome, correlation_id, request_id, client_ip, duration_ms`;

interface AuditRow {
  seq: string;
  id: string;
  occurred_at: Date | string;
  kind: AuditKind;
  subject: string | null;
  roles: string[];
  company_bin: string | null;
  actor_companies: string[];
  method: string;
  route: string | null;
  path: string;
  upstream: string | null;
  resource_id: string | null;
  status: number;
  outcome: AuditOutcome;
  correlation_id: string;
  request_id: string | null;
  client_ip: string | null;
  duration_ms: number;
}

/**
 * The append-only audit trail (ADR 0032): who, acting for which company, did what, when, under
 * which correlation id, with which outcome. Only `record` writes (INSERT); there is no update or
 * delete here or in any route, and the database rejects both (trigger).
 */
@Injectable()
export class AuditTrail {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(e: AuditEntry): Promise<string> {
    const now = this.clock.now();
    const id = uuidv7(now.getTime());
    await this.uow.run((em) =>
      em.execute(`insert into gateway_audit_event (${INSERT_COLUMNS}) values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        id,
        now,
        e.kind,
        columnText(e.subject, 200),
        JSON.stringify(e.roles),
        // The company a request names comes from its path or query, unvalidated: only a BIN's form is kept (the raw path keeps the rest).
        e.companyBin !== null && /^\d{12}$/.test(e.companyBin) ? e.companyBin : null,
        JSON.stringify(e.actorCompanies),
        columnText(e.method, 10),
        columnText(e.route, 300),
        columnText(e.path, 1000),
        columnText(e.upstream, 60),
        columnText(e.resourceId, 200),
        e.status,
        outcomeOf(e.status, e.deniedByGateway),
        columnText(e.correlationId, 200),
        columnText(e.requestId, 100),
        columnText(e.clientIp, 100),
        Math.max(0, Math.round(e.durationMs)),
      ]),
    );
    return id;
  }

  async query(q: AuditQuery): Promise<z.infer<typeof AuditPageSchema>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (q.subject) add('subject = ?', q.subject);
    if (q.companyBin) add('company_bin = ?', q.companyBin);
    if (q.kind) add('kind = ?', q.kind);
    if (q.outcome) add('outcome = ?', q.outcome);
    if (q.method) add('method = ?', q.method);
    if (q.upstream) add('upstream = ?', q.upstream);
    if (q.resourceId) add('resource_id = ?', q.resourceId);
    if (q.correlationId) add('correlation_id = ?', q.correlationId);
    if (q.from) add('occurred_at >= ?', new Date(q.from));
    if (q.to) add('occurred_at < ?', new Date(q.to));
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const em = this.uow.reader();
    // `total` counts every row the filters match; a keyset page (`before`) starts below the given seq
    const [count] = await em.execute<{ total: string }[]>(`select count(*)::text as total from gateway_audit_event ${clause}`, params);
    const keyset = q.before ? `${where.length ? ' and' : 'where'} seq < ?::bigint` : '';
    const rows = await em.execute<AuditRow[]>(`select ${SELECT_COLUMNS} from gateway_audit_event ${clause}${keyset} order by seq desc limit ? offset ?`, [
      ...params,
      ...(q.before ? [q.before] : []),
      q.pageSize,
      q.before ? 0 : (q.page - 1) * q.pageSize,
    ]);
    return { items: rows.map(toView), page: q.page, pageSize: q.pageSize, total: Number(count?.total ?? 0) };
  }
}

function toView(r: AuditRow): AuditEventView {
  return {
    seq: String(r.seq),
    id: r.id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    kind: r.kind,
    subject: r.subject,
    roles: r.roles,
    companyBin: r.company_bin,
    actorCompanies: r.actor_companies,
    method: r.method,
    route: r.route,
    path: r.path,
    upstream: r.upstream,
    resourceId: r.resource_id,
    status: r.status,
    outcome: r.outcome,
    correlationId: r.correlation_id,
    requestId: r.request_id,
    clientIp: r.client_ip,
    durationMs: r.duration_ms,
  };
}
