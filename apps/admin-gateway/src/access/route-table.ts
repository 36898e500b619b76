import type { Role } from '@hub/contracts';
import type { Access } from './access-rule.js';
import { type CompiledPattern, compilePattern, matchPattern } from './route-pattern.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const STATE_CHANGING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One proxied route: `method /api/<upstream><path>` is forwarded to `<upstream base URL><path>`.
 * This table is the gateway's access policy for the contexts' APIs (ADR 0030): reviewed in code,
 * tested route × role (test/authorisation-matrix.int.spec.ts); anything not in it is 404 (path
 * unknown) or 405 (method not declared), and never reaches a context.
 */
export interface ProxiedRoute {
  readonly upstream: string;
  readonly method: HttpMethod;
  /** The context's own path, `:name` for a parameter. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  /** Path parameter holding the BIN the request acts on; applicants must hold it (F-35). */
  readonly companyParam?: string;
  /** Path parameter naming the resource, for the audit trail (default `id` when present). */
  readonly resourceParam?: string;
  /**
   * Reads restricted personal data (F-42 non-residents): every read is recorded in the audit trail,
   * and if it cannot be recorded the data is not released (fail closed, ADR 0032).
   */
  readonly restrictedPersonalData?: boolean;
}

// Role groups, named for what they do (the roles; @hub/contracts ROLES).
const APPLICANT: readonly Role[] = ['applicant'];
const OFFICER: readonly Role[] = ['fund-officer'];
const COMMISSION: readonly Role[] = ['commission-member', 'commission-secretary'];
const SECRETARY: readonly Role[] = ['commission-secretary'];
const FINANCE: readonly Role[] = ['finance-officer'];
/** Staff who read case files (the auditor reads everything and writes nothing). */
const CASE_READERS: readonly Role[] = ['fund-officer', 'commission-member', 'commission-secretary', 'auditor'];
/** Staff who follow participants (fees, reports, monitoring). */
const PARTICIPANT_READERS: readonly Role[] = ['fund-officer', 'finance-officer', 'auditor'];
const union = (...groups: (readonly Role[])[]): readonly Role[] => [...new Set(groups.flat())];

/**
 * The contexts' routes reachable through the gateway. Keep it in step with each context's
 * controllers (their @Endpoint `access` is checked again there: defence in depth) — the merged
 * OpenAPI (`/api/openapi.json`) lists only what is here, with these roles.
 */
export const ROUTE_TABLE: readonly ProxiedRoute[] = [
  // ---- registration (F-7 … F-20) -------------------------------------------------------------
  { upstream: 'registration', method: 'GET', path: '/registry', summary: 'Public registry of participants (F-19)', access: 'public' },
  { upstream: 'registration', method: 'GET', path: '/registry/certificates/:number', summary: 'Verify a certificate by its number (F-18)', access: 'public', resourceParam: 'number' },
  { upstream: 'registration', method: 'POST', path: '/applications', summary: 'Create a draft application (F-8)', access: APPLICANT },
  { upstream: 'registration', method: 'GET', path: '/applications', summary: 'Applications (an applicant sees its own: F-35)', access: union(APPLICANT, CASE_READERS) },
  { upstream: 'registration', method: 'GET', path: '/applications/:id', summary: 'One application', access: union(APPLICANT, CASE_READERS) },
  { upstream: 'registration', method: 'PUT', path: '/applications/:id', summary: 'Fill the draft (business plan, F-9 documents)', access: APPLICANT },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/submit', summary: 'Submit (F-8, F-12 clock starts)', access: APPLICANT },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/resubmit', summary: 'Resubmit after remarks (F-15)', access: APPLICANT },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/remarks', summary: 'Issue remarks (F-14)', access: OFFICER },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/send-to-commission', summary: 'Send to the Commission (F-13, F-15)', access: OFFICER },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/votes', summary: 'Record a member vote', access: COMMISSION },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/decision', summary: 'Record the decision (F-15, F-16)', access: SECRETARY },
  { upstream: 'registration', method: 'POST', path: '/applications/:id/contract-signed', summary: 'Record contract signing (F-18, F-19)', access: OFFICER },
  { upstream: 'registration', method: 'GET', path: '/review-queue', summary: 'Completeness review queue with working-day deadlines (F-12, F-14)', access: union(OFFICER, ['auditor']) },
  { upstream: 'registration', method: 'GET', path: '/deadlines', summary: 'Open statutory deadlines of registration', access: CASE_READERS },

  // ---- participation (F-21 … F-42) -----------------------------------------------------------
  { upstream: 'participation', method: 'GET', path: '/participations', summary: 'Participations (an applicant sees its own: F-35)', access: union(APPLICANT, PARTICIPANT_READERS) },
  { upstream: 'participation', method: 'GET', path: '/participations/:bin', summary: "A company's participation", access: union(APPLICANT, PARTICIPANT_READERS), companyParam: 'bin', resourceParam: 'bin' },
  { upstream: 'participation', method: 'POST', path: '/participations/:bin/income-declarations', summary: 'Declare the previous quarter income (F-21)', access: APPLICANT, companyParam: 'bin', resourceParam: 'bin' },
  { upstream: 'participation', method: 'POST', path: '/participations/:bin/payments', summary: 'Record a fee payment (F-21 … F-23)', access: FINANCE, companyParam: 'bin', resourceParam: 'bin' },
  { upstream: 'participation', method: 'POST', path: '/participations/:bin/reports', summary: 'File the quarterly report (F-37, F-39)', access: APPLICANT, companyParam: 'bin', resourceParam: 'bin' },
  {
    upstream: 'participation',
    method: 'GET',
    path: '/participations/:bin/reports/:id/non-residents',
    summary: 'Non-residents of a quarterly report (F-42, restricted personal data)',
    access: union(APPLICANT, OFFICER),
    companyParam: 'bin',
    restrictedPersonalData: true,
  },
  { upstream: 'participation', method: 'GET', path: '/deadlines', summary: 'Open statutory deadlines of participation', access: union(PARTICIPANT_READERS, COMMISSION) },
];

export interface RouteMatch {
  readonly route: ProxiedRoute;
  readonly params: Record<string, string>;
}

export type RouteLookup = { readonly kind: 'match'; readonly match: RouteMatch } | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] } | { readonly kind: 'unknown' };

interface CompiledRoute {
  readonly route: ProxiedRoute;
  readonly pattern: CompiledPattern;
}

/** The route table compiled for lookup. */
export class RouteTable {
  private readonly compiled: readonly CompiledRoute[];

  constructor(readonly routes: readonly ProxiedRoute[] = ROUTE_TABLE) {
    const seen = new Set<string>();
    this.compiled = routes.map((route) => {
      const key = `${route.upstream} ${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`route table: ${key} is declared twice`);
      seen.add(key);
      if (Array.isArray(route.access) && route.access.length === 0) throw new Error(`route table: ${key} allows no role — remove it instead`);
      const pattern = compilePattern(route.path);
      for (const p of [route.companyParam, route.resourceParam]) {
        if (p && !pattern.segments.some((s) => s.param === p)) throw new Error(`route table: ${key} names :${p}, which its path lacks`);
      }
      return { route, pattern };
    });
  }

  upstreams(): string[] {
    return [...new Set(this.routes.map((r) => r.upstream))];
  }

  /** The most specific declared route for `method path` of `upstream`. */
  lookup(upstream: string, method: string, path: string): RouteLookup {
    const candidates = this.compiled
      .filter((c) => c.route.upstream === upstream)
      .map((c) => ({ c, params: matchPattern(c.pattern, path) }))
      .filter((x): x is { c: CompiledRoute; params: Record<string, string> } => x.params !== undefined);
    if (candidates.length === 0) return { kind: 'unknown' };
    const sameMethod = candidates.filter((x) => x.c.route.method === method.toUpperCase()).sort((a, b) => b.c.pattern.specificity - a.c.pattern.specificity);
    const best = sameMethod[0];
    if (!best) return { kind: 'method-not-allowed', allowed: [...new Set(candidates.map((x) => x.c.route.method))] };
    return { kind: 'match', match: { route: best.c.route, params: best.params } };
  }
}
