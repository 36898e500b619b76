import { type Actor, FUND_STAFF_ROLES, type Role } from '@hub/contracts';

/** Who may call a route: anyone, any verified caller, or the roles listed (deny by default). */
export type Access = 'public' | 'authenticated' | readonly Role[];

export type AccessDecision = { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403; readonly detail: string };

/**
 * The gateway's authorisation of one call, shared by the proxied routes (route table) and the
 * gateway's own routes. `companyBin` is the company the request acts on, when the route names one
 * (a `:bin` path parameter): a caller allowed only as an applicant must hold that BIN in its
 * `hub_companies` claim (F-35: a company's representative sees only that company's data). Staff
 * roles are not tied to companies. The contexts check ownership again (defence in depth) — the
 * gateway cannot know who owns `/applications/:id`, so there the context's 403/404 is final.
 */
export function decideAccess(access: Access, actor: Actor | undefined, companyBin?: string): AccessDecision {
  if (access === 'public') return { allowed: true };
  if (!actor) return { allowed: false, status: 401, detail: 'a bearer token is required' };
  if (access === 'authenticated') return companyCheck(actor, actor.roles, companyBin);
  const granted = actor.roles.filter((r) => access.includes(r));
  if (granted.length === 0) return { allowed: false, status: 403, detail: `this needs one of the roles: ${access.join(', ')}` };
  return companyCheck(actor, granted, companyBin);
}

function companyCheck(actor: Actor, granted: readonly Role[], companyBin: string | undefined): AccessDecision {
  if (companyBin === undefined) return { allowed: true };
  // A Fund staff role the route grants lifts the restriction (F-35 binds the Fund, not to one company);
  // the authorised body's analyst is not Fund staff and never does.
  if (granted.some((r) => FUND_STAFF_ROLES.includes(r))) return { allowed: true };
  if (actor.companies.includes(companyBin)) return { allowed: true };
  // F-35: the caller may act only for the companies its token names.
  return { allowed: false, status: 403, detail: 'you do not act for this company (F-35)' };
}
