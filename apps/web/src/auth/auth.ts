// Sign-in with OpenID Connect, authorization code + PKCE (issue #11, ADR 0040), on oauth4webapi.
// Tokens live in this module's memory only — never localStorage or sessionStorage, never a cookie:
// a reload or a new tab signs in again (the identity provider's own session makes that quick).
// Only the PKCE verifier, state and the page to return to cross the redirect, in sessionStorage,
// and are removed as soon as the callback reads them. The access token is refreshed a minute
// before it expires (rotating refresh token); when refreshing fails the session ends and the UI
// says so.
import * as oauth from 'oauth4webapi';
import type { WebConfig } from '../config';

export interface Session {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly companies: readonly string[];
  readonly accessToken: string;
  readonly expiresAt: number;
}

type Listener = () => void;
const PENDING_KEY = 'hub.oidc.pending';
const CALLBACK_PATH = '/auth/callback';
// The dev issuer and a local deployment are plain http on loopback; a real IdP is https.
const insecure = (url: string) => ({ [oauth.allowInsecureRequests]: new URL(url).protocol === 'http:' });

export class Auth {
  private session: Session | null = null;
  private refreshToken: string | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  private endedFlag = false;
  private readonly listeners = new Set<Listener>();
  private as: oauth.AuthorizationServer | null = null;
  private readonly client: oauth.Client;

  constructor(private readonly config: WebConfig) {
    this.client = { client_id: config.clientId };
  }

  get current(): Session | null {
    return this.session;
  }

  /** True when a session ended by itself (refresh failed): the UI asks the user to sign in again. */
  get ended(): boolean {
    return this.endedFlag;
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): Session | null => this.session;

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private async server(): Promise<oauth.AuthorizationServer> {
    if (this.as) return this.as;
    const issuer = new URL(this.config.issuer);
    const res = await oauth.discoveryRequest(issuer, insecure(this.config.issuer));
    this.as = await oauth.processDiscoveryResponse(issuer, res);
    return this.as;
  }

  private redirectUri(): string {
    return `${window.location.origin}${CALLBACK_PATH}`;
  }

  /** Sends the browser to the identity provider; comes back to `returnTo` after the callback. */
  async signIn(returnTo: string, uiLocale?: string): Promise<void> {
    const as = await this.server();
    if (!as.authorization_endpoint) throw new Error('the identity provider has no authorization endpoint');
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.client.client_id,
      redirect_uri: this.redirectUri(),
      scope: 'openid',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...(uiLocale ? { ui_locales: uiLocale } : {}),
    }).toString();
    window.location.assign(url.toString());
  }

  /** Completes the code flow on /auth/callback; returns where to go next. */
  async completeSignIn(callbackUrl: URL): Promise<string> {
    const pendingText = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    if (!pendingText) throw new Error('no sign-in was started in this tab');
    const pending = JSON.parse(pendingText) as { verifier: string; state: string; returnTo: string };
    const as = await this.server();
    const params = oauth.validateAuthResponse(as, this.client, callbackUrl, pending.state);
    const res = await oauth.authorizationCodeGrantRequest(
      as,
      this.client,
      oauth.None(),
      params,
      this.redirectUri(),
      pending.verifier,
      insecure(this.config.issuer),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, this.client, res, { requireIdToken: true });
    this.accept(result);
    return pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//') ? pending.returnTo : '/';
  }

  signOut(): void {
    this.clear(false);
  }

  /** A valid access token, refreshing first if it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (!this.session) return null;
    if (this.session.expiresAt - Date.now() < 30_000) await this.refresh();
    return this.session?.accessToken ?? null;
  }

  /** Refreshes once (concurrent callers share it); false when the session had to end. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    if (!this.refreshToken) {
      this.clear(true);
      return false;
    }
    try {
      const as = await this.server();
      const res = await oauth.refreshTokenGrantRequest(as, this.client, oauth.None(), this.refreshToken, insecure(this.config.issuer));
      this.accept(await oauth.processRefreshTokenResponse(as, this.client, res));
      return true;
    } catch {
      this.clear(true);
      return false;
    }
  }

  private accept(result: oauth.TokenEndpointResponse): void {
    const claims: (Record<string, unknown> & { sub: string }) | undefined =
      oauth.getValidatedIdTokenClaims(result) ??
      (this.session ? { sub: this.session.subject, name: this.session.name, roles: this.session.roles, hub_companies: this.session.companies } : undefined);
    if (!claims) throw new Error('the identity provider returned no ID token');
    const str = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const expiresIn = result.expires_in ?? 300;
    this.session = {
      subject: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      roles: str(claims.roles),
      companies: str(claims.hub_companies),
      accessToken: result.access_token,
      expiresAt: Date.now() + expiresIn * 1000,
    };
    this.refreshToken = result.refresh_token ?? null;
    this.endedFlag = false;
    clearTimeout(this.refreshTimer);
    // Refresh a minute early (or halfway through a short token's life).
    this.refreshTimer = setTimeout(() => void this.refresh(), Math.max(5_000, Math.min(expiresIn * 1000 - 60_000, (expiresIn * 1000) / 2)));
    this.emit();
  }

  private clear(ended: boolean): void {
    clearTimeout(this.refreshTimer);
    this.session = null;
    this.refreshToken = null;
    this.endedFlag = ended;
    this.emit();
  }
}

export const hasAnyRole = (session: Session | null, roles: readonly string[]): boolean => !!session && session.roles.some((r) => roles.includes(r));
