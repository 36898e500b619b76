#!/usr/bin/env node
// The web app's own small server (ADR 0040): serves the static build (dist/) with the SPA fallback,
// proxies /api/* to the admin gateway on the same origin (no CORS, the bearer token never leaves the
// origin), and answers /config.json with the runtime configuration (which identity provider, which
// client id), so one build runs anywhere. No framework: node:http, node:zlib.
//
//   PORT=3000 HUB_WEB_GATEWAY_URL=http://127.0.0.1:3100 HUB_WEB_ISSUER_URL=http://127.0.0.1:4000 HUB_WEB_UPLOAD_ORIGINS=http://127.0.0.1:9090 node server.mjs
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const gateway = new URL(process.env.HUB_WEB_GATEWAY_URL ?? 'http://127.0.0.1:3100');
const issuer = (process.env.HUB_WEB_ISSUER_URL ?? process.env.HUB_AUTH_ISSUER ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const clientId = process.env.HUB_WEB_CLIENT_ID ?? 'hub-web';
// Where the browser PUTs an upload (issue #10, ADR 0045): the object store's public origin(s) of the
// documents context's presigned URLs; the store's CORS rule must admit this origin's PUT.
const uploadOrigins = (process.env.HUB_WEB_UPLOAD_ORIGINS ?? '')
  .split(/[\s,]+/)
  .filter(Boolean)
  .map((u) => new URL(u).origin);
const root = resolve(import.meta.dirname, 'dist');
if (!existsSync(join(root, 'index.html'))) {
  process.stderr.write(`web: ${root}/index.html is missing — build first (pnpm --filter @hub/web build)\n`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);
const security = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Mantine sets style attributes (style-src 'unsafe-inline'); no inline script; the token endpoint is the issuer's.
  'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ${[issuer, ...uploadOrigins].join(' ')}; form-action 'self' ${issuer}; frame-ancestors 'none'; base-uri 'none'`,
};
const config = JSON.stringify({ issuer, clientId });
const gzCache = new Map();

function serveFile(req, res, file, immutable) {
  const ext = extname(file);
  const headers = {
    ...security,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    let body = gzCache.get(file);
    if (!body) gzCache.set(file, (body = gzipSync(readFileSync(file), { level: 9 })));
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length });
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  res.writeHead(200, { ...headers, 'content-length': statSync(file).size });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function proxy(req, res) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && k !== 'cookie') headers[k] = v;
  headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  const send = gateway.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(
    { protocol: gateway.protocol, hostname: gateway.hostname, port: gateway.port, method: req.method, path: req.url, headers, timeout: 30_000 },
    (up) => {
      const out = {};
      for (const [k, v] of Object.entries(up.headers)) if (!HOP_BY_HOP.has(k)) out[k] = v;
      res.writeHead(up.statusCode ?? 502, out);
      up.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('gateway timeout')));
  upstream.on('error', (e) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'about:blank', title: 'Gateway unreachable', status: 502, detail: e.message }));
  });
  req.pipe(upstream);
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/api' || path.startsWith('/api/')) return proxy(req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return res.end();
  }
  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return res.end('ok');
  }
  if (path === '/config.json') {
    res.writeHead(200, { ...security, 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(config);
  }
  const file = normalize(join(root, path));
  if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return serveFile(req, res, file, path.startsWith('/assets/'));
  if (path.startsWith('/assets/')) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not found');
  }
  // Client-side routes (/registry, /verify/…, /auth/callback …) get the app shell.
  return serveFile(req, res, join(root, 'index.html'), false);
});
server.listen(port, host, () => process.stdout.write(`web: http://${host}:${port} (gateway ${gateway.origin}, issuer ${issuer})\n`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
