// The audit trail's filters and keyset position in the URL (issue #11, ADR 0120 §audit trail): a
// filtered view — and the page of it being read — can be shared and reloaded. The route's
// validateSearch (router.tsx) reads the search params with these zod schemas; zod/mini, because the
// route tree is in the public pages' first load (budget 250 KB gzip) and zod's full build is not.
import * as z from 'zod/mini';

export const AUDIT_KINDS = ['write', 'restricted-read', 'audit-read'] as const;
export const AUDIT_OUTCOMES = ['allowed', 'denied', 'rejected', 'failed'] as const;
export const AUDIT_UPSTREAMS = ['registration', 'participation', 'documents', 'notifications', 'services', 'clusters', 'training', 'housing'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** One schema per search param: a param that does not pass is dropped alone, the others stay. */
const FIELDS = {
  subject: text,
  companyBin: z.string().check(z.regex(/^\d{12}$/)),
  kind: z.enum(AUDIT_KINDS),
  outcome: z.enum(AUDIT_OUTCOMES),
  upstream: z.enum(AUDIT_UPSTREAMS),
  resourceId: text,
  from: z.string().check(z.regex(DAY)),
  to: z.string().check(z.regex(DAY)),
  /** The keyset position: the page shows the events below this seq (ADR 0032: `before`). */
  before: z.string().check(z.regex(/^[1-9]\d{0,18}$/)),
} as const;

export type AuditSearch = { -readonly [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> };
export type AuditFilterKey = Exclude<keyof AuditSearch, 'before'>;
export const AUDIT_FILTER_KEYS = Object.keys(FIELDS).filter((k): k is AuditFilterKey => k !== 'before');

/**
 * The router's validateSearch for /staff/audit. TanStack Router reads a param that looks like JSON as
 * JSON (`?before=123` → 123, a 12-digit BIN → a number), so numbers are read back as their digits first.
 */
export function validateAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const out: Record<string, string> = {};
  for (const [key, schema] of Object.entries(FIELDS)) {
    const value = raw[key];
    const parsed = schema.safeParse(typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}
