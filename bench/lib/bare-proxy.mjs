// The gateway's floor (issue #17, ADR 0143): the least a proxy in Node must do for figure (f) — a bare
// node:http server that checks the bearer token (RS256 against the same JWKS with jose, issuer,
// audience, algorithms as nest-commons' TokenVerifier; a verified token is remembered until it expires,
// as ADR 0127 lets the gateway do) and forwards the request to UPSTREAM_URL on a keep-alive agent,
// answering with the context's status, content type and body. No route table, rate limit, audit,
// metrics or middleware. Run as its own process, like the gateway it is compared with.
//
//   PORT=… UPSTREAM_URL=… HUB_AUTH_JWKS_FILE=… HUB_AUTH_ISSUER=… node bench/lib/bare-proxy.mjs
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';

const keys = createLocalJWKSet(JSON.parse(readFileSync(process.env.HUB_AUTH_JWKS_FILE, 'utf8')));
const upstream = new URL(process.env.UPSTREAM_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const verified = new Map(); // token → expiry (ms)

async function authorised(header) {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return false;
  const exp = verified.get(token);
  if (exp !== undefined && exp > Date.now()) return true;
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: process.env.HUB_AUTH_ISSUER,
      audience: process.env.HUB_AUTH_AUDIENCE ?? 'hub-platform',
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    });
    verified.set(token, (payload.exp ?? 0) * 1000);
    return true;
  } catch {
    return false;
  }
}

const server = http.createServer(async (req, res) => {
  if (req.url === '/health/ready') return res.end('{"status":"ok"}');
  if (!(await authorised(req.headers.authorization))) {
    res.statusCode = 401;
    return res.end();
  }
  const prefix = '/api/registration';
  const path = req.url.startsWith(prefix) ? req.url.slice(prefix.length) : req.url;
  const up = http.request(
    { hostname: upstream.hostname, port: upstream.port, path, method: req.method, headers: { authorization: req.headers.authorization }, agent },
    (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        res.statusCode = r.statusCode;
        if (r.headers['content-type']) res.setHeader('content-type', r.headers['content-type']);
        res.end(Buffer.concat(chunks));
      });
    },
  );
  up.on('error', () => {
    res.statusCode = 502;
    res.end();
  });
  up.end();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
