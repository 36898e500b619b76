import { Inject, Injectable } from '@nestjs/common';
import { type Actor, AccessTokenClaimsSchema } from '@hub/contracts';
import { TokenVerifier } from './token-verifier.js';

export type Authentication = { readonly ok: true; readonly actor: Actor | undefined } | { readonly ok: false; readonly detail: string };

/**
 * The platform's one bearer-token check, used by every context's AuthGuard and by the gateway for
 * the routes it proxies: signature against the JWKS, issuer, audience, expiry (TokenVerifier), then
 * the platform's claims. No header → anonymous (`actor` undefined); a header that does not verify is
 * refused everywhere, also on a public route — a client that sends a broken token must learn it.
 */
@Injectable()
export class BearerAuthenticator {
  constructor(@Inject(TokenVerifier) private readonly verifier: TokenVerifier) {}

  async authenticate(header: string | undefined): Promise<Authentication> {
    if (header === undefined || header === '') return { ok: true, actor: undefined };
    const [scheme, token, ...rest] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length) return { ok: false, detail: 'the Authorization header must be "Bearer <token>"' };
    let payload: unknown;
    try {
      payload = await this.verifier.verify(token);
    } catch (e) {
      return { ok: false, detail: `the token is not valid: ${(e as Error).message}` };
    }
    const claims = AccessTokenClaimsSchema.safeParse(payload);
    if (!claims.success)
      return {
        ok: false,
        detail: `the token lacks the claims this platform needs (sub, roles): ${claims.error.issues.map((i) => i.path.join('.') || 'token').join(', ')}`,
      };
    const c = claims.data;
    return {
      ok: true,
      actor: {
        subject: c.sub,
        roles: c.roles,
        companies: c.hub_companies,
        ...(c.name ? { name: c.name } : {}),
        ...(c.hub_client ? { client: c.hub_client } : {}),
        ...(c.email ? { email: c.email } : {}),
        ...(c.locale ? { locale: c.locale } : {}),
      },
    };
  }
}
