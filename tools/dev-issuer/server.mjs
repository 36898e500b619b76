#!/usr/bin/env node
// The development issuer over HTTP, for apps configured with HUB_AUTH_JWKS_URL (or to inspect it):
//   GET /.well-known/openid-configuration   discovery document (issuer, jwks_uri, algorithms)
//   GET /jwks.json                          the public keys
//   GET|POST /authorize, POST /token        authorization code + PKCE with a development login page
//                                           (authorization.mjs; issue #11, ADR 0040)
// Listens on 127.0.0.1:4000 (HUB_DEV_ISSUER_PORT / HUB_DEV_ISSUER_HOST). Tokens over HTTP only through
// the code flow (access tokens live HUB_DEV_ISSUER_ACCESS_TTL seconds, default 900); token.mjs mints directly. Also (re)writes $HUB_STATE_DIR/dev-issuer/jwks.json for HUB_AUTH_JWKS_FILE.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createAuthorization } from './authorization.mjs';
import { issuerUrl, loadIssuer } from './issuer-state.mjs';
import { loadClientSecrets } from './service-clients.mjs';

const host = process.env.HUB_DEV_ISSUER_HOST ?? '127.0.0.1';
const port = Number(process.env.HUB_DEV_ISSUER_PORT ?? 4000);
const { issuer, jwks, jwksFile, keyFile } = await loadIssuer();
const accessTtlSec = Number(process.env.HUB_DEV_ISSUER_ACCESS_TTL ?? 900);
const { secrets: serviceSecrets } = loadClientSecrets();
const authorization = createAuthorization({
  issuer,
  privateJwk: JSON.parse(readFileSync(keyFile, 'utf8')),
  accessTtlSec,
  serviceSecrets,
  serviceTtlSec: Number(process.env.HUB_DEV_ISSUER_SERVICE_TTL ?? 300),
});
const iss = issuerUrl();
const discovery = {
  issuer: iss,
  jwks_uri: `${iss}/jwks.json`,
  authorization_endpoint: `${iss}/authorize`,
  token_endpoint: `${iss}/token`,
  response_types_supported: ['code', 'token'],
  grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
  code_challenge_methods_supported: ['S256'],
  scopes_supported: ['openid'],
  authorization_response_iss_parameter_supported: true,
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
  claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'roles', 'hub_companies', 'name', 'hub_client'],
};

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > 64 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const server = createServer(async (req, res) => {
  const send = (status, body) => {
    // CORS: a browser app reads discovery and keys across origins (public data).
    res.writeHead(status, {
      'content-type': status === 200 ? 'application/json' : 'application/problem+json',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    res.end(JSON.stringify(body));
  };
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/authorize' || path === '/token') {
    try {
      const body = req.method === 'POST' ? await readBody(req) : '';
      await authorization(req, res, path, body);
    } catch (e) {
      if (!res.headersSent) send(500, { type: 'about:blank', title: 'Issuer error', status: 500, detail: String(e?.message ?? e) });
    }
    return;
  }
  if (req.method !== 'GET') return send(405, { type: 'about:blank', title: 'Method not allowed', status: 405, detail: 'only GET' });
  if (path === '/.well-known/openid-configuration') return send(200, discovery);
  if (path === '/jwks.json') return send(200, jwks);
  return send(404, { type: 'about:blank', title: 'Not found', status: 404, detail: `${path} is not served by the dev issuer` });
});
server.listen(port, host, () => {
  process.stdout.write(`dev-issuer: ${iss} on http://${host}:${port} (JWKS file: ${jwksFile})\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
