#!/usr/bin/env node
// The development issuer over HTTP, for apps configured with HUB_AUTH_JWKS_URL (or to inspect it):
//   GET /.well-known/openid-configuration   discovery document (issuer, jwks_uri, algorithms)
//   GET /jwks.json                          the public keys
// Listens on 127.0.0.1:4000 (HUB_DEV_ISSUER_PORT / HUB_DEV_ISSUER_HOST). It mints no tokens over HTTP:
// use token.mjs. Also (re)writes $HUB_STATE_DIR/dev-issuer/jwks.json for HUB_AUTH_JWKS_FILE.
import { createServer } from 'node:http';
import { issuerUrl, loadIssuer } from './issuer-state.mjs';

const host = process.env.HUB_DEV_ISSUER_HOST ?? '127.0.0.1';
const port = Number(process.env.HUB_DEV_ISSUER_PORT ?? 4000);
const { jwks, jwksFile } = await loadIssuer();
const iss = issuerUrl();
const discovery = {
  issuer: iss,
  jwks_uri: `${iss}/jwks.json`,
  response_types_supported: ['token'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  token_endpoint_auth_methods_supported: ['none'],
  claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'roles', 'hub_companies', 'name'],
};

const server = createServer((req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'application/problem+json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const path = new URL(req.url ?? '/', 'http://x').pathname;
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
