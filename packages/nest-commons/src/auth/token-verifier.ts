import { readFileSync } from 'node:fs';
import { type JWTPayload, type JSONWebKeySet, createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';

export interface TokenVerifierOptions {
  readonly jwksUrl?: string;
  readonly jwksFile?: string;
  readonly jwks?: JSONWebKeySet;
  readonly issuer: string;
  readonly audience: string;
  /**
   * How long a token whose signature and claims were verified is trusted again without a new check
   * (ADR 0127; default 60 s, never beyond its `exp`; 0 = no cache). A token signed with a key the
   * IdP later withdraws from its JWKS is then accepted for at most this long.
   */
  readonly verifiedTtlMs?: number;
  /** The most verified tokens kept (default 10 000; the oldest go first). */
  readonly verifiedMax?: number;
  /** The clock, for tests (milliseconds since the epoch). */
  readonly now?: () => number;
}

/**
 * Verifies OpenID Connect-style access tokens (JWT) against the identity provider's JWKS: a URL
 * for a real IdP (Keycloak, the e-government IdP), or a file written by tools/dev-issuer locally.
 * Checks signature, issuer, audience, expiry and not-before.
 *
 * Issue #17 (ADR 0127): a signature check is the largest single CPU cost the gateway adds to a
 * request, and a caller sends the same token with every request for its whole lifetime. So a token
 * that passed is remembered — keyed by the whole token string, so any change to a byte is a new
 * token — until `verifiedTtlMs` has passed or it expires, whichever comes first. A refused token is
 * never remembered.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;
  private readonly verified = new Map<string, { readonly payload: JWTPayload; readonly until: number }>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwks) this.keys = createLocalJWKSet(options.jwks);
    else if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    else if (options.jwksFile) this.keys = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet);
    else throw new Error('TokenVerifier needs jwksUrl, jwksFile or jwks');
    this.ttlMs = options.verifiedTtlMs ?? 60_000;
    this.max = Math.max(1, options.verifiedMax ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<JWTPayload> {
    const now = this.now();
    const known = this.verified.get(token);
    if (known) {
      if (now < known.until) return known.payload;
      this.verified.delete(token);
    }
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: ['RS256', 'ES256', 'EdDSA'],
      currentDate: new Date(now),
    });
    if (this.ttlMs > 0 && typeof payload.exp === 'number') {
      const until = Math.min(payload.exp * 1000, now + this.ttlMs);
      if (this.verified.size >= this.max) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { payload: deepFreeze(payload), until });
    }
    return payload;
  }
}

/** A remembered payload is shared by every request that carries the token: nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
