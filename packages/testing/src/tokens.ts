import { type JSONWebKeySet, type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface IssueOptions {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly companies?: readonly string[];
  readonly name?: string;
  /** The OAuth client of a worker's token (`hub_client`, ADR 0106); its `sub` is `service:<name>`. */
  readonly client?: string;
  /** The OIDC standard claims `email` and `locale` (ADR 0114: notifications learns a person's contact from them). */
  readonly email?: string;
  readonly locale?: string;
  /** Seconds until expiry (negative for an already expired token). */
  readonly expiresInSec?: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * An OpenID Connect-style token issuer for tests and local use (tools/dev-issuer): a fresh RS256
 * key pair, a JWKS to give the services, and signed access tokens with the platform's claims.
 */
export class DevTokenIssuer {
  private constructor(
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  static async create(issuer = 'http://127.0.0.1:4000/dev-issuer', audience = 'hub-platform'): Promise<DevTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
    return new DevTokenIssuer(privateKey, jwk, issuer, audience);
  }

  /** Restores an issuer from a saved private JWK (tools/dev-issuer keeps one in the state dir). */
  static async fromPrivateJwk(privateJwk: JWK, issuer: string, audience = 'hub-platform'): Promise<DevTokenIssuer> {
    const { importJWK } = await import('jose');
    const key = (await importJWK(privateJwk, 'RS256')) as SigningKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = privateJwk;
    return new DevTokenIssuer(key, { ...pub, use: 'sig', alg: 'RS256' }, issuer, audience);
  }

  async exportPrivateJwk(): Promise<JWK> {
    return { ...(await exportJWK(this.privateKey)), kid: this.publicJwk.kid, alg: 'RS256' };
  }

  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  async issue(o: IssueOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      roles: [...o.roles],
      hub_companies: [...(o.companies ?? [])],
      ...(o.name ? { name: o.name } : {}),
      ...(o.client ? { hub_client: o.client } : {}),
      ...(o.email ? { email: o.email } : {}),
      ...(o.locale ? { locale: o.locale } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid! })
      .setSubject(o.sub)
      .setIssuer(o.issuer ?? this.issuer)
      .setAudience(o.audience ?? this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (o.expiresInSec ?? 3600))
      .sign(this.privateKey);
  }
}
