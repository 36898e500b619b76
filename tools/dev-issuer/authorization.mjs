// OpenID Connect authorization code flow with PKCE for the development issuer (issue #11, ADR 0040):
//   GET  /authorize   a development login page — pick a demo user or type a subject, roles, companies
//   POST /authorize   issues a one-time code (60 s) and redirects back to the client's redirect_uri
//   POST /token       authorization_code (+ code_verifier, S256 only) or refresh_token → access token,
//                     id token (aud = client_id) and a rotating refresh token; CORS open (public clients);
//                     client_credentials for the platform's workers (confidential clients, ADR 0106):
//                     a 5-minute access token with the client's service roles only, no refresh token
// Everything is kept in memory: a restart of the issuer logs everyone out (the web app then signs in
// again). Redirect URIs must be loopback (http://127.0.0.1|localhost|[::1]:<port>/…): no open redirect.
// Never for production: anyone may sign in as anyone here.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, importJWK } from 'jose';
import { ROLES } from '@hub/contracts';
import { authenticateClient, clientCredentialsOf } from './service-clients.mjs';

/** Demo users of the login page. The applicant's BINs are companies of registration's seed (apps/registration/src/cli/seed.ts). */
export const DEMO_USERS = [
  {
    id: 'aliya',
    name: 'Aliya Applicant',
    email: 'aliya@demo.astanahub.test',
    locale: 'kk',
    roles: ['applicant'],
    companies: ['191040101013', '191240111117', '190540112123', '191040113136'],
    note: 'represents Alatau Analytics, Zhibek Retail Tech, Caspian IoT, Ulytau Dev (seed)',
  },
  { id: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'], companies: [], email: 'olga@demo.astanahub.test', locale: 'ru' },
  { id: 'marat', name: 'Marat Commission Member', roles: ['commission-member'], companies: [] },
  { id: 'saule', name: 'Saule Commission Secretary', roles: ['commission-secretary'], companies: [] },
  { id: 'fatima', name: 'Fatima Finance Officer', roles: ['finance-officer'], companies: [] },
  { id: 'audrey', name: 'Audrey Auditor', roles: ['auditor'], companies: [] },
  { id: 'arman', name: 'Arman Analyst (authorised body)', roles: ['authorised-body-analyst'], companies: [] },
  // The cluster selection (issue #15, C-2): the subjects are those of the clusters seed (apps/clusters/src/cli/seed.ts,
  // ADR 0085) — a Commission member votes only under a subject of the round's composition (C-19, ADR 0083).
  { id: 'demo-cluster-organiser', name: 'Cluster selection organiser', roles: ['cluster-organiser'], companies: [], note: 'C-3 … C-5, C-12, C-13, C-18, C-21' },
  { id: 'demo-cluster-expert', name: 'Expert of the national institute', roles: ['cluster-expert'], companies: [], note: 'C-14 … C-17' },
  {
    id: 'demo-commission-member-a',
    name: 'Aliya Nurlanovna (cluster Commission)',
    roles: ['cluster-commission-member'],
    companies: [],
    note: 'a member of the Commission of the demo rounds (C-19); has not voted in the round before the Commission',
  },
  {
    id: 'demo-commission-member-c',
    name: 'Dana Askarovna (cluster Commission)',
    roles: ['cluster-commission-member'],
    companies: [],
    note: 'another member (C-19); has not voted in the round before the Commission either',
  },
  {
    id: 'demo-commission-secretary',
    name: 'Cluster Commission secretary',
    roles: ['cluster-commission-secretary'],
    companies: [],
    note: 'the protocol (C-20)',
  },
];

/** The platform's languages (ADR 0090); the sign-in's `locale` claim is one of them. */
const LANGUAGES = ['kk', 'ru', 'en'];
/** A demo user's mailbox: a reserved `.test` domain that only the development SMTP sink (tools/dev-smtp) ever receives. */
export const demoEmailOf = (id) => `${id}@demo.astanahub.test`;

/**
 * ADR 0114 (issue #16): the `email` and `locale` claims of a sign-in, so that notifications learns the person's
 * contact and writes to them in their language. The language is the one the web app asked the page in
 * (`ui_locales`, OIDC Core §3.1.2.1: the first of ours in the list), else the demo user's own, else none.
 */
export function contactClaims(user, uiLocales) {
  const asked = (uiLocales ?? '')
    .split(/\s+/)
    .map((t) => t.toLowerCase().split(/[-_]/)[0])
    .find((t) => LANGUAGES.includes(t));
  const locale = asked ?? user.locale;
  return { ...(user.email ? { email: user.email } : {}), ...(locale ? { locale } : {}) };
}

const CODE_TTL_MS = 60_000;
const REFRESH_TTL_MS = 8 * 3600_000;

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Only loopback redirect URIs: a development issuer must not become an open redirector. */
export function isAllowedRedirect(uri) {
  try {
    const u = new URL(uri);
    return (u.protocol === 'http:' || u.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !u.hash;
  } catch {
    return false;
  }
}

export function createAuthorization({ issuer, privateJwk, accessTtlSec, serviceSecrets = {}, serviceTtlSec = 300 }) {
  const idKey = importJWK(privateJwk, 'RS256');
  /** The ID token (OIDC Core §2): for the client (aud = client_id), with the platform's claims so the UI can show who is signed in. */
  const issueIdToken = async ({ sub, name, email, locale, roles, companies, audience, nonce, expiresInSec }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      roles,
      hub_companies: companies,
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(locale ? { locale } : {}),
      ...(nonce ? { nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid })
      .setSubject(sub)
      .setIssuer(issuer.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresInSec)
      .sign(await idKey);
  };
  const codes = new Map(); // code → { clientId, redirectUri, challenge, user, nonce, expiresAt }
  const refreshTokens = new Map(); // token → { clientId, user, expiresAt }

  const validateRequest = (p) => {
    if (p.get('response_type') !== 'code') return 'response_type must be "code"';
    if (!p.get('client_id')) return 'client_id is required';
    if (!isAllowedRedirect(p.get('redirect_uri') ?? '')) return 'redirect_uri must be a loopback http(s) URL (development issuer)';
    if (p.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(p.get('code_challenge') ?? ''))
      return 'PKCE is required: code_challenge (S256, 43 characters) and code_challenge_method=S256';
    return null;
  };

  const loginPage = (p, error) => {
    const hidden = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'scope', 'nonce', 'ui_locales']
      .filter((k) => p.get(k) !== null)
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p.get(k))}">`)
      .join('\n      ');
    const users = DEMO_USERS.map(
      (u, i) => `<li><button type="submit" name="user" value="${u.id}" data-testid="user-${u.id}"${i === 0 ? ' autofocus' : ''}>${escapeHtml(u.name)}</button>
        <span>${escapeHtml(u.roles.join(', '))}${u.note ? ` — ${escapeHtml(u.note)}` : ''}</span></li>`,
    ).join('\n        ');
    const languageOptions = ['', ...LANGUAGES].map((l) => `<option value="${l}">${l || '— the page language —'}</option>`).join('');
    const roleBoxes = ROLES.map((r) => `<label><input type="checkbox" name="role" value="${r}"> ${r}</label>`).join('\n          ');
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development sign-in — Astana Hub</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1b1e; background: #f4f6f8; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
  .warn { background: #fff3bf; border: 1px solid #8a6d00; padding: .5rem .75rem; border-radius: 6px; }
  .err { background: #ffe3e3; border: 1px solid #a61e1e; padding: .5rem .75rem; border-radius: 6px; }
  ul { list-style: none; padding: 0; } li { margin: .5rem 0; }
  button { font: inherit; padding: .5rem .9rem; border-radius: 6px; border: 1px solid #1864ab; background: #1864ab; color: #fff; cursor: pointer; min-width: 16rem; text-align: left; }
  li span { display: block; color: #495057; font-size: .9rem; }
  fieldset { border: 1px solid #adb5bd; border-radius: 6px; margin-top: 1.5rem; background: #fff; }
  fieldset label { display: block; margin: .25rem 0; }
  input[type=text] { font: inherit; padding: .35rem; width: 100%; box-sizing: border-box; }
</style></head>
<body><main>
  <h1>Development sign-in</h1>
  <p class="warn">This is the development identity provider (tools/dev-issuer). Anyone can sign in as anyone. Never for production.</p>
  ${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="/authorize">
      ${hidden}
    <h2>Demo users</h2>
    <ul>
        ${users}
    </ul>
    <fieldset>
      <legend>Someone else</legend>
      <label for="sub">Subject</label>
      <input type="text" id="sub" name="sub" autocomplete="username">
      <label for="name">Display name</label>
      <input type="text" id="name" name="name" autocomplete="name">
      <fieldset><legend>Roles</legend>
          ${roleBoxes}
      </fieldset>
      <label for="companies">Companies (BINs, comma-separated; F-35)</label>
      <input type="text" id="companies" name="companies" inputmode="numeric">
      <label for="email">E-mail (the <code>email</code> claim; notices go there, ADR 0114)</label>
      <input type="text" id="email" name="email" inputmode="email" autocomplete="email">
      <label for="locale">Language (the <code>locale</code> claim)</label>
      <select id="locale" name="locale">${languageOptions}</select>
      <p><button type="submit" name="user" value="custom">Sign in as this user</button></p>
    </fieldset>
  </form>
</main></body></html>`;
  };

  const userFrom = (form) => {
    const preset = DEMO_USERS.find((u) => u.id === form.get('user'));
    if (preset)
      return {
        sub: preset.id,
        name: preset.name,
        roles: preset.roles,
        companies: preset.companies,
        ...contactClaims({ email: preset.email ?? demoEmailOf(preset.id), locale: preset.locale }, form.get('ui_locales')),
      };
    const sub = (form.get('sub') ?? '').trim();
    const roles = form.getAll('role');
    const companies = (form.get('companies') ?? '').split(/[\s,]+/).filter(Boolean);
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(sub)) return 'Subject: 1–64 letters, digits, . _ @ -';
    if (roles.length === 0 || roles.some((r) => !ROLES.includes(r))) return 'Pick at least one role';
    if (companies.some((c) => !/^\d{12}$/.test(c))) return 'Companies must be 12-digit BINs';
    const email = (form.get('email') ?? '').trim();
    if (email && !/^[^\s@]{1,64}@[^\s@]{1,250}\.[^\s@]{2,}$/.test(email)) return 'E-mail: an address like name@example.kz';
    const locale = form.get('locale') || undefined;
    if (locale && !LANGUAGES.includes(locale)) return 'Language: kk, ru or en';
    return {
      sub,
      name: (form.get('name') ?? '').trim() || undefined,
      roles,
      companies,
      ...contactClaims({ email: email || undefined, locale }, form.get('ui_locales')),
    };
  };

  const tokens = async (clientId, user, nonce) => {
    const refresh = b64url(randomBytes(32));
    refreshTokens.set(refresh, { clientId, user, expiresAt: Date.now() + REFRESH_TTL_MS });
    const claims = {
      sub: user.sub,
      roles: user.roles,
      companies: user.companies,
      ...(user.name ? { name: user.name } : {}),
      ...(user.email ? { email: user.email } : {}),
      ...(user.locale ? { locale: user.locale } : {}),
    };
    return {
      access_token: await issuer.issue({ ...claims, expiresInSec: accessTtlSec }),
      token_type: 'Bearer',
      expires_in: accessTtlSec,
      refresh_token: refresh,
      id_token: await issueIdToken({ ...claims, audience: clientId, nonce, expiresInSec: accessTtlSec }),
      scope: 'openid',
    };
  };

  /** Handles /authorize and /token; returns false for any other path. */
  return async function handle(req, res, path, body) {
    const html = (status, text) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*",
      });
      res.end(text);
    };
    const json = (status, obj) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(obj));
    };
    if (path === '/authorize') {
      const params = req.method === 'POST' ? new URLSearchParams(body) : new URL(req.url, 'http://x').searchParams;
      const problem = validateRequest(params);
      if (problem)
        return html(
          400,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad sign-in request</title></head><body><main><h1>Bad sign-in request</h1><p>${escapeHtml(problem)}</p></main></body></html>`,
        );
      if (req.method === 'GET') return html(200, loginPage(params));
      if (req.method !== 'POST') return html(405, 'only GET and POST');
      const user = userFrom(params);
      if (typeof user === 'string') return html(400, loginPage(params, user));
      const code = b64url(randomBytes(32));
      codes.set(code, {
        clientId: params.get('client_id'),
        redirectUri: params.get('redirect_uri'),
        challenge: params.get('code_challenge'),
        nonce: params.get('nonce') ?? undefined,
        user,
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      const back = new URL(params.get('redirect_uri'));
      back.searchParams.set('code', code);
      if (params.get('state') !== null) back.searchParams.set('state', params.get('state'));
      back.searchParams.set('iss', issuer.issuer);
      res.writeHead(303, { location: back.toString(), 'cache-control': 'no-store' });
      return res.end();
    }
    if (path === '/token') {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type, dpop',
          'access-control-max-age': '600',
        });
        return res.end();
      }
      if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'POST only' });
      const form = new URLSearchParams(body);
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        const entry = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // one use, whatever happens next
        if (!entry || entry.expiresAt < Date.now()) return json(400, { error: 'invalid_grant', error_description: 'unknown, used or expired code' });
        if (entry.clientId !== form.get('client_id') || entry.redirectUri !== form.get('redirect_uri'))
          return json(400, { error: 'invalid_grant', error_description: 'client_id or redirect_uri does not match the authorization request' });
        const verifier = form.get('code_verifier') ?? '';
        if (b64url(createHash('sha256').update(verifier).digest()) !== entry.challenge)
          return json(400, { error: 'invalid_grant', error_description: 'PKCE code_verifier does not match the code_challenge' });
        return json(200, await tokens(entry.clientId, entry.user, entry.nonce));
      }
      if (grant === 'refresh_token') {
        const entry = refreshTokens.get(form.get('refresh_token') ?? '');
        refreshTokens.delete(form.get('refresh_token') ?? ''); // rotation: a refresh token works once
        if (!entry || entry.expiresAt < Date.now() || entry.clientId !== form.get('client_id'))
          return json(400, { error: 'invalid_grant', error_description: 'unknown, used or expired refresh token' });
        return json(200, await tokens(entry.clientId, entry.user, undefined));
      }
      if (grant === 'client_credentials') {
        // ADR 0106: a confidential client (a platform worker) authenticates itself; the token carries its
        // service roles only — a person can never obtain one (no login page offers them).
        const presented = clientCredentialsOf(req.headers.authorization, form);
        const client = presented && authenticateClient(serviceSecrets, presented.clientId, presented.secret);
        if (!client) {
          res.writeHead(401, { 'content-type': 'application/json', 'cache-control': 'no-store', 'www-authenticate': 'Basic realm="dev-issuer"' });
          return res.end(JSON.stringify({ error: 'invalid_client', error_description: 'unknown client or wrong secret' }));
        }
        const token = await issuer.issue({ sub: client.subject, roles: client.roles, companies: [], client: client.clientId, expiresInSec: serviceTtlSec });
        return json(200, { access_token: token, token_type: 'Bearer', expires_in: serviceTtlSec });
      }
      return json(400, { error: 'unsupported_grant_type' });
    }
    return false;
  };
}
