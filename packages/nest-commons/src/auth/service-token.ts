import { z } from 'zod';

/**
 * A platform worker's own identity (ADR 0106): an OAuth 2.0 confidential client that obtains short-lived
 * access tokens by the client-credentials grant (RFC 6749 §4.4) from the identity provider — locally
 * tools/dev-issuer, in production the real IdP — and calls another context's API with them. Never a
 * person's token lent to a worker, never a shared static secret between apps: the callee's audit trail
 * names `service:<client>` as the caller.
 */
export interface ServiceCredentials {
  /** The IdP's token endpoint (`HUB_SERVICE_AUTH_URL`). */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The three settings every app that calls another as itself reads (all or none). */
export const serviceCredentialsEnv = {
  HUB_SERVICE_AUTH_URL: z.url().optional(),
  HUB_SERVICE_CLIENT_ID: z.string().min(1).optional(),
  HUB_SERVICE_CLIENT_SECRET: z.string().min(16).optional(),
};

/** The credentials from a parsed config, or undefined when none are set; a partial set is a configuration error naming what is missing. */
export function serviceCredentialsFrom(env: {
  readonly HUB_SERVICE_AUTH_URL?: string | undefined;
  readonly HUB_SERVICE_CLIENT_ID?: string | undefined;
  readonly HUB_SERVICE_CLIENT_SECRET?: string | undefined;
}): ServiceCredentials | undefined {
  const { HUB_SERVICE_AUTH_URL: tokenUrl, HUB_SERVICE_CLIENT_ID: clientId, HUB_SERVICE_CLIENT_SECRET: clientSecret } = env;
  if (tokenUrl === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  const missing = Object.entries({ HUB_SERVICE_AUTH_URL: tokenUrl, HUB_SERVICE_CLIENT_ID: clientId, HUB_SERVICE_CLIENT_SECRET: clientSecret })
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0) throw new Error(`service credentials are incomplete: set ${missing.join(', ')} (or none of them)`);
  return { tokenUrl: tokenUrl!, clientId: clientId!, clientSecret: clientSecret! };
}

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});

export class ServiceTokenError extends Error {
  override readonly name = 'ServiceTokenError';
}

/**
 * Fetches the worker's token and keeps it until `refreshBeforeSec` before it expires; concurrent callers
 * share one request. A 401 from the callee means the token went stale early (key rotation, revocation):
 * `fetch` drops it and retries once with a fresh one.
 */
export class ClientCredentialsTokenSource {
  private cached: { readonly token: string; readonly renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly credentials: ServiceCredentials,
    private readonly options: { readonly timeoutMs?: number; readonly refreshBeforeSec?: number; readonly now?: () => number } = {},
  ) {}

  get clientId(): string {
    return this.credentials.clientId;
  }

  async token(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now < this.cached.renewAt) return this.cached.token;
    this.inFlight ??= this.request().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** `fetch` as this worker: the bearer token added; one retry with a fresh token after a 401. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const call = async () => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${await this.token()}`);
      return fetch(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    };
    const first = await call();
    if (first.status !== 401) return first;
    await first.body?.cancel();
    this.invalidate();
    return call();
  }

  private async request(): Promise<string> {
    const { tokenUrl, clientId, clientSecret } = this.credentials;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    let res: Response;
    try {
      res = await fetch(tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new ServiceTokenError(`the token endpoint ${tokenUrl} is unreachable: ${(e as Error).message}`);
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const error = (body as { error?: unknown } | undefined)?.error;
      throw new ServiceTokenError(`the token endpoint refused client ${clientId}: ${res.status}${typeof error === 'string' ? ` ${error}` : ''}`);
    }
    const parsed = TokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new ServiceTokenError(`the token endpoint answered client ${clientId} without a bearer token and its lifetime`);
    const now = (this.options.now ?? Date.now)();
    const ahead = Math.min(this.options.refreshBeforeSec ?? 60, parsed.data.expires_in / 2);
    this.cached = { token: parsed.data.access_token, renewAt: now + (parsed.data.expires_in - ahead) * 1000 };
    return parsed.data.access_token;
  }
}
