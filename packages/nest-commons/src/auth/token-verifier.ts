import { readFileSync } from 'node:fs';
import { type JWTPayload, type JSONWebKeySet, createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * Verifies OpenID Connect-style access tokens (JWT) against the identity provider's JWKS: a URL
 * for a real IdP (Keycloak, the e-government IdP), or a file written by tools/dev-issuer locally.
 * Checks signature, issuer, audience, expiry and not-before.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

  constructor(private readonly options: { jwksUrl?: string; jwksFile?: string; jwks?: JSONWebKeySet; issuer: string; audience: string }) {
    if (options.jwks) this.keys = createLocalJWKSet(options.jwks);
    else if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    else if (options.jwksFile) this.keys = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet);
    else throw new Error('TokenVerifier needs jwksUrl, jwksFile or jwks');
  }

  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    });
    return payload;
  }
}
