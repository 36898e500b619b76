import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = new URL('..', import.meta.url).pathname;
const state = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
const env = { ...process.env, HUB_STATE_DIR: state, HUB_DEV_ISSUER_URL: 'http://127.0.0.1:4000' };
const mint = (...args) => run(process.execPath, [join(here, 'token.mjs'), ...args], { env });

afterAll(() => rmSync(state, { recursive: true, force: true }));

describe('tools/dev-issuer', () => {
  it('mints a token verifiable against the JWKS file it writes, with the platform claims', async () => {
    const { stdout } = await mint('--sub', 'alice', '--role', 'applicant', '--company', '123456789012', '--ttl', '600');
    const token = stdout.trim();
    const jwks = JSON.parse(readFileSync(join(state, 'dev-issuer', 'jwks.json'), 'utf8'));
    expect(jwks.keys[0].d).toBeUndefined(); // public keys only
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: 'http://127.0.0.1:4000', audience: 'hub-platform' });
    expect(payload).toMatchObject({ sub: 'alice', roles: ['applicant'], hub_companies: ['123456789012'] });
    expect(payload.exp - payload.iat).toBe(600);
    expect(statSync(join(state, 'dev-issuer', 'signing-key.json')).mode & 0o077).toBe(0);
  });

  it('keeps its key: a second run signs with the same key, so earlier JWKS files stay valid', async () => {
    const before = readFileSync(join(state, 'dev-issuer', 'jwks.json'), 'utf8');
    const { stdout } = await mint('--sub', 'bob', '--role', 'fund-officer,auditor');
    expect(readFileSync(join(state, 'dev-issuer', 'jwks.json'), 'utf8')).toBe(before);
    const { payload } = await jwtVerify(stdout.trim(), createLocalJWKSet(JSON.parse(before)), { issuer: 'http://127.0.0.1:4000', audience: 'hub-platform' });
    expect(payload.roles).toEqual(['fund-officer', 'auditor']);
  });

  it("carries the OIDC claims email and locale when asked (ADR 0114, ADR 0145: notifications learns a person's contact from them)", async () => {
    const { stdout } = await mint('--sub', 'marat', '--role', 'commission-member', '--email', 'marat@commission.test', '--locale', 'en');
    const jwks = JSON.parse(readFileSync(join(state, 'dev-issuer', 'jwks.json'), 'utf8'));
    const { payload } = await jwtVerify(stdout.trim(), createLocalJWKSet(jwks), { issuer: 'http://127.0.0.1:4000', audience: 'hub-platform' });
    expect(payload).toMatchObject({ sub: 'marat', roles: ['commission-member'], email: 'marat@commission.test', locale: 'en' });
    const plain = await mint('--sub', 'bob', '--role', 'auditor');
    const { payload: without } = await jwtVerify(plain.stdout.trim(), createLocalJWKSet(jwks), { issuer: 'http://127.0.0.1:4000', audience: 'hub-platform' });
    expect(without.email).toBeUndefined();
    expect(without.locale).toBeUndefined();
  });

  it('refuses bad arguments with a usage message and exit code 64', async () => {
    for (const args of [
      ['--role', 'applicant'],
      ['--sub', 'x', '--role', 'superuser'],
      ['--sub', 'x', '--role', 'applicant', '--company', '12345'],
      ['--sub', 'x', '--role', 'auditor', '--ttl', '-5'],
      ['--sub', 'x', '--role', 'commission-member', '--email', 'not an address'],
      ['--sub', 'x', '--role', 'commission-member', '--locale', 'de'],
    ]) {
      const err = await mint(...args).then(
        () => undefined,
        (e) => e,
      );
      expect(err?.code).toBe(64);
      expect(err.stderr).toMatch(/usage:/);
    }
  });

  it('serves discovery and the JWKS over HTTP', async () => {
    const port = 40_000 + (process.pid % 20_000);
    const child = spawn(process.execPath, [join(here, 'server.mjs')], {
      env: { ...env, HUB_DEV_ISSUER_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise((resolve, reject) => {
        child.stdout.on('data', (d) => String(d).includes('dev-issuer:') && resolve());
        child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const discovery = await (await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`)).json();
      expect(discovery).toMatchObject({
        issuer: 'http://127.0.0.1:4000',
        jwks_uri: 'http://127.0.0.1:4000/jwks.json',
        id_token_signing_alg_values_supported: ['RS256'],
      });
      const { stdout } = await mint('--sub', 'carol', '--role', 'auditor');
      const keys = createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/jwks.json`));
      const { payload } = await jwtVerify(stdout.trim(), keys, { issuer: 'http://127.0.0.1:4000', audience: 'hub-platform' });
      expect(payload.sub).toBe('carol');
      // Tokens over HTTP only through the code flow (POST, test/authorization.spec.mjs): a GET mints nothing.
      expect((await fetch(`http://127.0.0.1:${port}/token`)).status).toBe(405);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
