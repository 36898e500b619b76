import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The authorization code flow with PKCE (issue #11, ADR 0040): the web app's sign-in against the dev issuer.
const here = new URL('..', import.meta.url).pathname;
const state = mkdtempSync(join(tmpdir(), 'dev-issuer-authz-'));
const port = 41_000 + (process.pid % 19_000);
const base = `http://127.0.0.1:${port}`;
const redirectUri = 'http://127.0.0.1:3000/auth/callback';
let child;

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};
const authorizeParams = (challenge, extra = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: 'hub-web',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st-1',
    scope: 'openid',
    ...extra,
  });
const signIn = async (form) => {
  const res = await fetch(`${base}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location'));
};
const token = (form) => fetch(`${base}/token`, { method: 'POST', body: new URLSearchParams(form) });

beforeAll(async () => {
  child = spawn(process.execPath, [join(here, 'server.mjs')], {
    env: { ...process.env, HUB_STATE_DIR: state, HUB_DEV_ISSUER_URL: base, HUB_DEV_ISSUER_PORT: String(port), HUB_DEV_ISSUER_ACCESS_TTL: '120' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('dev-issuer:') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(state, { recursive: true, force: true });
});

describe('tools/dev-issuer: authorization code + PKCE (OIDC) for the web app', () => {
  it('announces the endpoints in discovery', async () => {
    const d = await (await fetch(`${base}/.well-known/openid-configuration`)).json();
    expect(d).toMatchObject({ authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, code_challenge_methods_supported: ['S256'] });
    expect(d.response_types_supported).toContain('code');
  });

  it('shows a login page, redirects back with a one-time code and state, and exchanges it for verifiable tokens', async () => {
    const { verifier, challenge } = pkce();
    const page = await fetch(`${base}/authorize?${authorizeParams(challenge)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Development sign-in');
    expect(html).toContain('data-testid="user-olga"');
    const back = await signIn(authorizeParams(challenge, { user: 'aliya' }));
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code');
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'hub-web', code_verifier: verifier });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120 });
    const keys = createRemoteJWKSet(new URL(`${base}/jwks.json`));
    const access = await jwtVerify(body.access_token, keys, { issuer: base, audience: 'hub-platform' });
    expect(access.payload).toMatchObject({ sub: 'aliya', roles: ['applicant'] });
    expect(access.payload.hub_companies).toHaveLength(4); // F-35: the companies it may act for
    const id = await jwtVerify(body.id_token, keys, { issuer: base, audience: 'hub-web' });
    expect(id.payload.roles).toEqual(['applicant']);
    // one use only
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'hub-web', code_verifier: verifier });
    expect((await again.json()).error).toBe('invalid_grant');
  });

  it('C-2: offers the cluster selection roles as demo users under the subjects of the clusters seed (ADR 0085)', async () => {
    const { verifier, challenge } = pkce();
    const html = await (await fetch(`${base}/authorize?${authorizeParams(challenge)}`)).text();
    for (const id of ['demo-cluster-organiser', 'demo-cluster-expert', 'demo-commission-member-a', 'demo-commission-member-c', 'demo-commission-secretary'])
      expect(html).toContain(`data-testid="user-${id}"`);
    // a member votes only under a subject of the round's composition (C-19, ADR 0083): the token carries the seed's subject
    const back = await signIn(authorizeParams(challenge, { user: 'demo-commission-member-a' }));
    const body = await (
      await token({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code'),
        redirect_uri: redirectUri,
        client_id: 'hub-web',
        code_verifier: verifier,
      })
    ).json();
    const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(`${base}/jwks.json`)), { issuer: base, audience: 'hub-platform' });
    expect(payload).toMatchObject({ sub: 'demo-commission-member-a', roles: ['cluster-commission-member'], hub_companies: [] });
  });

  it('refuses a wrong PKCE verifier, and a request without PKCE or with a non-loopback redirect', async () => {
    const { challenge } = pkce();
    const back = await signIn(authorizeParams(challenge, { user: 'olga' }));
    const res = await token({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code'),
      redirect_uri: redirectUri,
      client_id: 'hub-web',
      code_verifier: pkce().verifier,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error_description).toMatch(/PKCE/);
    const noPkce = authorizeParams(challenge);
    noPkce.delete('code_challenge');
    expect((await fetch(`${base}/authorize?${noPkce}`)).status).toBe(400);
    expect((await fetch(`${base}/authorize?${authorizeParams(challenge, { redirect_uri: 'https://evil.example/cb' })}`)).status).toBe(400);
  });

  it('signs in a custom user (subject, roles, companies) and refreshes with a rotating refresh token', async () => {
    const { verifier, challenge } = pkce();
    const form = authorizeParams(challenge, { user: 'custom', sub: 'dana', companies: '191040101013' });
    form.append('role', 'applicant');
    form.append('role', 'auditor');
    const back = await signIn(form);
    const first = await (
      await token({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code'),
        redirect_uri: redirectUri,
        client_id: 'hub-web',
        code_verifier: verifier,
      })
    ).json();
    const refreshed = await (await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'hub-web' })).json();
    const keys = createRemoteJWKSet(new URL(`${base}/jwks.json`));
    const { payload } = await jwtVerify(refreshed.access_token, keys, { issuer: base, audience: 'hub-platform' });
    expect(payload).toMatchObject({ sub: 'dana', roles: ['applicant', 'auditor'], hub_companies: ['191040101013'] });
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: 'hub-web' });
    expect((await reused.json()).error).toBe('invalid_grant');
  });

  it('ADR 0114 (#16): a demo user signs in with the `email` and `locale` claims — the language the web app asked the page in, else their own', async () => {
    const keys = createRemoteJWKSet(new URL(`${base}/jwks.json`));
    const claimsOf = async (extra) => {
      const { verifier, challenge } = pkce();
      const form = authorizeParams(challenge, extra);
      for (const r of extra.roles ?? []) form.append('role', r);
      form.delete('roles');
      const back = await signIn(form);
      const body = await (
        await token({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code'),
          redirect_uri: redirectUri,
          client_id: 'hub-web',
          code_verifier: verifier,
        })
      ).json();
      const access = await jwtVerify(body.access_token, keys, { issuer: base, audience: 'hub-platform' });
      const id = await jwtVerify(body.id_token, keys, { issuer: base, audience: 'hub-web' });
      return { access: access.payload, id: id.payload };
    };
    // the web app asks in Russian (ui_locales): Aliya's notices go in Russian to her demo mailbox
    const ru = await claimsOf({ user: 'aliya', ui_locales: 'ru-KZ en' });
    expect(ru.access).toMatchObject({ sub: 'aliya', email: 'aliya@demo.astanahub.test', locale: 'ru' });
    expect(ru.id).toMatchObject({ email: 'aliya@demo.astanahub.test', locale: 'ru' });
    // no ui_locales (or none of ours): her own language
    expect((await claimsOf({ user: 'aliya', ui_locales: 'de' })).access).toMatchObject({ locale: 'kk' });
    // every demo user has a mailbox the dev SMTP sink receives
    expect((await claimsOf({ user: 'saule' })).access).toMatchObject({ email: 'saule@demo.astanahub.test' });
    // someone else: the typed address and language; a malformed address is refused on the page
    const custom = await claimsOf({ user: 'custom', sub: 'erlan', companies: '191040101013', email: 'erlan@example.kz', locale: 'en', roles: ['applicant'] });
    expect(custom.access).toMatchObject({ sub: 'erlan', email: 'erlan@example.kz', locale: 'en' });
    const { challenge } = pkce();
    const bad = authorizeParams(challenge, { user: 'custom', sub: 'erlan', email: 'not an address' });
    bad.append('role', 'applicant');
    const res = await fetch(`${base}/authorize`, { method: 'POST', body: bad, redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('E-mail: an address like');
    const html = await (await fetch(`${base}/authorize?${authorizeParams(challenge)}`)).text();
    expect(html).toContain('name="email"');
    expect(html).toContain('name="locale"');
  });

  it('answers the CORS preflight of the token endpoint (a public browser client)', async () => {
    const res = await fetch(`${base}/token`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
