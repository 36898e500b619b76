// The audit trail's search params as the router keeps them (issue #11): the route tree is in the public
// pages' first load, and zod is not (a zod schema here cost 15.4 KB gzip of the 250 KB budget, ADR 0128),
// so the route only keeps the trail's known params, as text; the lazily loaded page reads them with its
// zod schemas (audit-search.ts), dropping any that does not pass.
export const AUDIT_PARAMS = ['subject', 'companyBin', 'kind', 'outcome', 'upstream', 'resourceId', 'from', 'to', 'before'] as const;
export type AuditParams = { [K in (typeof AUDIT_PARAMS)[number]]?: string };

/**
 * The router's validateSearch for /staff/audit. TanStack Router reads a param that looks like JSON as
 * JSON (`?before=123` → 123, a 12-digit BIN → a number), so numbers are read back as their digits.
 */
export function keepAuditParams(raw: Record<string, unknown>): AuditParams {
  const out: AuditParams = {};
  for (const key of AUDIT_PARAMS) {
    const v = raw[key];
    if (typeof v === 'string') out[key] = v;
    else if (typeof v === 'number' && Number.isSafeInteger(v)) out[key] = String(v);
  }
  return out;
}
