// The typed API client (ADR 0040): openapi-fetch over the types openapi-typescript generates from
// the gateway's merged OpenAPI (openapi/gateway.openapi.json → schema.gen.ts, in every build).
// Same origin: the web server proxies /api to the gateway. The bearer token comes from memory
// (auth.ts); a 401 refreshes the token once and repeats a GET, else the session ends.
import createClient, { type Middleware } from 'openapi-fetch';
import type { Auth } from '../auth/auth';
import { ACCESS, type Operation } from './access.gen';
import type { paths } from './schema.gen';
import type { Session } from '../auth/auth';

export type Api = ReturnType<typeof createApi>;

export function createApi(auth: Auth) {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await auth.accessToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status !== 401 || !request.headers.has('authorization')) return response;
      if (!(await auth.refresh())) return response;
      if (request.method !== 'GET') return response;
      const retry = new Request(request);
      retry.headers.set('authorization', `Bearer ${auth.current?.accessToken ?? ''}`);
      return fetch(retry);
    },
  };
  // ADR 0038: every state-changing call carries an Idempotency-Key. The screens send one per submit
  // attempt (useCommand), reused by its retries; a call that forgot gets a fresh one here.
  const idempotency: Middleware = {
    onRequest({ request }) {
      if (request.method !== 'GET' && request.method !== 'HEAD' && !request.headers.has(IDEMPOTENCY_HEADER))
        request.headers.set(IDEMPOTENCY_HEADER, crypto.randomUUID());
      return request;
    },
  };
  client.use(bearer, idempotency);
  return client;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The options that put a submit attempt's Idempotency-Key (ADR 0038) on a call. */
export const idempotent = (key: string) => ({ headers: { [IDEMPOTENCY_HEADER]: key } });

/** One field's problem (RFC 9457 `errors[]` of the platform's problem+json): a dotted path and a message. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  readonly code?: string;
}

/** A problem+json (RFC 9457) answer, or a network failure, as an Error the screens can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; code?: string; errors?: readonly FieldProblem[] } | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }

  /** Whether repeating the same call (same Idempotency-Key) may help: no answer, a gateway/context hiccup, or the first try still running. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504 || this.problem?.code === 'gateway.idempotency-in-flight';
  }
}

/**
 * The field errors of a problem, keyed by the field's path in the request body: zod's
 * `body.businessPlan.clients` and the domain's `businessPlan.clients` both become `businessPlan.clients`.
 */
export function fieldErrors(error: unknown, text: (p: FieldProblem) => string = (p) => p.message): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem?.errors ?? []) {
    const path = e.field.replace(/^body\.?/, '');
    out[path] ??= text(e);
  }
  return out;
}

/** Unwraps an openapi-fetch result: the data, or an ApiError. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  throw new ApiError(result.response.status, result.error as ApiError['problem']);
}

/** Whether the gateway lets this session call the operation (its route table, ADR 0030). */
export function mayCall(session: Session | null, op: Operation): boolean {
  const access = ACCESS[op] as 'public' | 'authenticated' | readonly string[];
  if (access === 'public') return true;
  if (!session) return false;
  if (access === 'authenticated') return true;
  return session.roles.some((r) => access.includes(r));
}
