// ADR 0106: the platform's workers get their own short-lived tokens by the client-credentials grant;
// a person can never hold a service role, and a worker token opens nothing but its service roles.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { AccessTokenClaimsSchema } from '@hub/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = new URL('..', import.meta.url).pathname;
const state = mkdtempSync(join(tmpdir(), 'dev-issuer-clients-'));
const env = { ...process.env, HUB_STATE_DIR: state, HUB_DEV_ISSUER_URL: 'http://127.0.0.1:4000' };
const cli = (...args) => run(process.execPath, [join(here, 'token.mjs'), ...args], { env });
const port = 41_000 + (process.pid % 19_000);
const tokenUrl = `http://127.0.0.1:${port}/token`;
let child;

const ask = (headers, form) =>
  fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
const basic = (id, secret) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

beforeAll(async () => {
  child = spawn(process.execPath, [join(here, 'server.mjs')], { env: { ...env, HUB_DEV_ISSUER_PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('dev-issuer:') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(state, { recursive: true, force: true });
});

describe('tools/dev-issuer: client credentials for the platform workers (ADR 0106)', () => {
  it('a worker with its secret gets a 5-minute token with its service role only, which the platform accepts', async () => {
    const secret = (await cli('--client-secret', 'hub-registration')).stdout.trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(state, 'dev-issuer', 'clients.json')).mode & 0o077).toBe(0);
    const res = await ask(basic('hub-registration', secret), { grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(body.refresh_token).toBeUndefined();
    const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/jwks.json`)), {
      issuer: 'http://127.0.0.1:4000',
      audience: 'hub-platform',
    });
    expect(payload).toMatchObject({ sub: 'service:registration', roles: ['document-issuer'], hub_companies: [], hub_client: 'hub-registration' });
    expect(payload.exp - payload.iat).toBe(300);
    expect(AccessTokenClaimsSchema.safeParse(payload).success).toBe(true);
  });

  it('the secret also works as client_secret_post, and stays the same across calls (kept in the state dir)', async () => {
    const first = (await cli('--client-secret', 'hub-notifications')).stdout.trim();
    expect((await cli('--client-secret', 'hub-notifications')).stdout.trim()).toBe(first);
    const res = await ask({}, { grant_type: 'client_credentials', client_id: 'hub-notifications', client_secret: first });
    expect(res.status).toBe(200);
    const { access_token } = await res.json();
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString());
    expect(claims.roles).toEqual(['deadline-reader']);
  });

  it('a wrong secret, another client’s secret or an unknown client gets 401 invalid_client', async () => {
    const registration = (await cli('--client-secret', 'hub-registration')).stdout.trim();
    for (const [id, secret] of [
      ['hub-registration', `${registration}x`],
      ['hub-notifications', registration],
      ['hub-nobody', registration],
    ]) {
      const res = await ask(basic(id, secret), { grant_type: 'client_credentials' });
      expect(res.status).toBe(401);
      expect((await res.json()).error).toBe('invalid_client');
    }
    expect((await ask({}, { grant_type: 'client_credentials' })).status).toBe(401);
  });

  it('a person cannot get a service role from the CLI, and an unknown client has no secret', async () => {
    for (const args of [
      ['--sub', 'olga', '--role', 'deadline-reader'],
      ['--client-secret', 'hub-nobody'],
    ]) {
      const err = await cli(...args).then(
        () => undefined,
        (e) => e,
      );
      expect(err?.code).toBe(64);
    }
  });

  it('tools/hub up gives each worker app its credentials and gateway URL from the one list, and other apps nothing (--service-env)', async () => {
    const parse = (out) =>
      Object.fromEntries(
        out
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      );
    const settings = async (app) => parse((await cli('--service-env', app, '--issuer', 'http://127.0.0.1:4000/', '--gateway', 'http://127.0.0.1:3100')).stdout);
    const secret = (await cli('--client-secret', 'hub-services')).stdout.trim();
    expect(await settings('services')).toEqual({
      HUB_SERVICE_AUTH_URL: 'http://127.0.0.1:4000/token',
      HUB_SERVICE_CLIENT_ID: 'hub-services',
      HUB_SERVICE_CLIENT_SECRET: secret,
      SERVICES_DOCUMENTS_URL: 'http://127.0.0.1:3100/api/documents',
    });
    expect(await settings('registration')).toMatchObject({
      HUB_SERVICE_CLIENT_ID: 'hub-registration',
      REGISTRATION_DOCUMENTS_URL: 'http://127.0.0.1:3100/api/documents',
    });
    expect(await settings('notifications')).toMatchObject({
      HUB_SERVICE_CLIENT_ID: 'hub-notifications',
      NOTIFICATIONS_DEADLINES_URL: 'http://127.0.0.1:3100/api',
    });
    // ADR 0132: participation archives its F-41 analytics as issued documents through the gateway
    expect(await settings('participation')).toEqual({
      HUB_SERVICE_AUTH_URL: 'http://127.0.0.1:4000/token',
      HUB_SERVICE_CLIENT_ID: 'hub-participation',
      HUB_SERVICE_CLIENT_SECRET: (await cli('--client-secret', 'hub-participation')).stdout.trim(),
      PARTICIPATION_DOCUMENTS_URL: 'http://127.0.0.1:3100/api/documents',
    });
    // … and an app that calls nothing of the platform gets nothing
    expect(await settings('clusters')).toEqual({});
  });
});
