import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCredentialsTokenSource, ServiceTokenError, serviceCredentialsFrom } from './service-token.js';

/**
 * ADR 0106. The identity provider sits outside the platform, so it is stood in for here by
 * `fakeIdentityProvider` (a client-credentials token endpoint) next to `fakeCallee` (an API that
 * accepts only the newest token). The real exchange with tools/dev-issuer is proven in its own test
 * (tools/dev-issuer/test/service-clients.spec.mjs) and end to end in the gateway's cross-context test.
 */
let idp: Server;
let callee: Server;
let issued = 0;
let lifetime = 300;
let validToken = '';
const seen: { authorization?: string; body: string }[] = [];
const url = (s: Server, path: string) => `http://127.0.0.1:${(s.address() as AddressInfo).port}${path}`;

beforeAll(async () => {
  idp = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ authorization: req.headers.authorization, body });
      const ok = req.headers.authorization === `Basic ${Buffer.from('hub-registration:s3cret-s3cret-s3cret').toString('base64')}`;
      if (!ok || !body.includes('grant_type=client_credentials')) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client' }));
        return;
      }
      issued += 1;
      validToken = `token-${issued}`;
      setTimeout(
        () =>
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ access_token: validToken, token_type: 'Bearer', expires_in: lifetime })),
        20,
      );
    });
  });
  callee = createServer((req, res) => {
    res.writeHead(req.headers.authorization === `Bearer ${validToken}` ? 200 : 401).end();
  });
  await Promise.all([new Promise<void>((r) => idp.listen(0, '127.0.0.1', r)), new Promise<void>((r) => callee.listen(0, '127.0.0.1', r))]);
});
afterAll(() => {
  idp.close();
  callee.close();
});
beforeEach(() => {
  seen.length = 0;
  lifetime = 300;
});

const credentials = () => ({ tokenUrl: url(idp, '/token'), clientId: 'hub-registration', clientSecret: 's3cret-s3cret-s3cret' });

describe('ClientCredentialsTokenSource (ADR 0106)', () => {
  it('asks once with HTTP Basic client authentication, shares the request between concurrent callers and keeps the token', async () => {
    const source = new ClientCredentialsTokenSource(credentials());
    const tokens = await Promise.all([source.token(), source.token(), source.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe('grant_type=client_credentials');
    expect(await source.token()).toBe(tokens[0]);
    expect(seen).toHaveLength(1);
  });

  it('asks again once the token is within a minute of its expiry', async () => {
    let now = 1_000_000;
    const source = new ClientCredentialsTokenSource(credentials(), { now: () => now });
    const first = await source.token();
    now += 239_000; // 61 s before the end of 300 s
    expect(await source.token()).toBe(first);
    now += 2_000;
    expect(await source.token()).not.toBe(first);
    expect(seen).toHaveLength(2);
  });

  it('fetch adds the bearer token; a 401 from the callee drops it and retries once with a fresh one', async () => {
    const source = new ClientCredentialsTokenSource(credentials());
    expect((await source.fetch(url(callee, '/x'))).status).toBe(200);
    validToken = 'rotated-elsewhere'; // the callee no longer accepts the cached token
    expect((await source.fetch(url(callee, '/x'))).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('a refused client is an error naming the client and the status, never a silent anonymous call', async () => {
    const source = new ClientCredentialsTokenSource({ ...credentials(), clientSecret: 'wrong-wrong-wrong-wrong' });
    await expect(source.token()).rejects.toThrow(ServiceTokenError);
    await expect(source.token()).rejects.toThrow(/hub-registration: 401 invalid_client/);
  });

  it('settings: all three or none; a partial set names what is missing', () => {
    expect(serviceCredentialsFrom({})).toBeUndefined();
    expect(serviceCredentialsFrom({ HUB_SERVICE_AUTH_URL: 'http://idp/token', HUB_SERVICE_CLIENT_ID: 'a', HUB_SERVICE_CLIENT_SECRET: 'b' })).toEqual({
      tokenUrl: 'http://idp/token',
      clientId: 'a',
      clientSecret: 'b',
    });
    expect(() => serviceCredentialsFrom({ HUB_SERVICE_CLIENT_ID: 'a' })).toThrow(/HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_SECRET/);
  });
});
