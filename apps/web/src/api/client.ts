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
  client.use(bearer);
  return client;
}

/** A problem+json (RFC 9457) answer, or a network failure, as an Error the screens can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; code?: string } | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
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
