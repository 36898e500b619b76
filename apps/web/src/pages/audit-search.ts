// The audit trail's filters and keyset position in the URL (issue #11, ADR 0120 §audit trail): a
// filtered view — and the page of it being read — can be shared and reloaded. The route keeps the
// params as text (audit-search-params.ts, in the first load); the page reads them with these zod
// schemas (this module loads with the page, as zod does).
import { z } from 'zod';
import { AUDIT_PARAMS, type AuditParams } from './audit-search-params';

export const AUDIT_KINDS = ['write', 'restricted-read', 'audit-read'] as const;
export const AUDIT_OUTCOMES = ['allowed', 'denied', 'rejected', 'failed'] as const;
export const AUDIT_UPSTREAMS = ['registration', 'participation', 'documents', 'notifications', 'services', 'clusters', 'training', 'housing'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = z.string().trim().min(1).max(200);

/** One schema per search param: a param that does not pass is dropped alone, the others stay. */
const FIELDS = {
  subject: text,
  companyBin: z.string().regex(/^\d{12}$/),
  kind: z.enum(AUDIT_KINDS),
  outcome: z.enum(AUDIT_OUTCOMES),
  upstream: z.enum(AUDIT_UPSTREAMS),
  resourceId: text,
  from: z.string().regex(DAY),
  to: z.string().regex(DAY),
  /** The keyset position: the page shows the events below this seq (ADR 0032: `before`). */
  before: z.string().regex(/^[1-9]\d{0,18}$/),
} satisfies Record<(typeof AUDIT_PARAMS)[number], z.ZodType>;

export type AuditSearch = { -readonly [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> };
export type AuditFilterKey = Exclude<keyof AuditSearch, 'before'>;
export const AUDIT_FILTER_KEYS = Object.keys(FIELDS).filter((k): k is AuditFilterKey => k !== 'before');

/** The route's params read with the zod schemas: a param that does not pass is dropped alone, the others stay. */
export function parseAuditSearch(params: AuditParams): AuditSearch {
  const out: Record<string, string> = {};
  for (const key of AUDIT_PARAMS) {
    const parsed = FIELDS[key].safeParse(params[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}
