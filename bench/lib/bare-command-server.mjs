// The command path's baseline (issue #17): a bare Fastify endpoint that does what the machine must do
// for POST /applications and nothing more — the SAME RS256 token verification against the SAME JWKS
// (jose, issuer, audience, algorithms as nest-commons' TokenVerifier), a check that the caller acts
// for the BIN, and one INSERT of the same fields into a table of the same PostgreSQL (pg pool of 10,
// the size the apps' MikroORM pool has). Run as its own process, like the app it is compared with.
//
//   PORT=… DATABASE_URL=… HUB_AUTH_JWKS_FILE=… HUB_AUTH_ISSUER=… node bench/lib/bare-command-server.mjs
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import pg from 'pg';

const keys = createLocalJWKSet(JSON.parse(readFileSync(process.env.HUB_AUTH_JWKS_FILE, 'utf8')));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`create table if not exists bare_application (
  id uuid primary key, kind text not null, bin text not null, company_name text not null, address text not null,
  language text not null, status text not null, created_by text not null, created_at timestamptz not null)`);

const app = Fastify({ logger: false });
app.get('/health/ready', async () => ({ status: 'ok' }));
app.post('/applications', async (req, reply) => {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return reply.code(401).send({ title: 'unauthorised' });
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: process.env.HUB_AUTH_ISSUER,
      audience: process.env.HUB_AUTH_AUDIENCE ?? 'hub-platform',
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    }));
  } catch {
    return reply.code(401).send({ title: 'unauthorised' });
  }
  const b = req.body;
  if (!b || typeof b.bin !== 'string' || !/^\d{12}$/.test(b.bin) || !(payload.hub_companies ?? []).includes(b.bin))
    return reply.code(403).send({ title: 'forbidden' });
  const id = randomUUID();
  await pool.query(
    'insert into bare_application (id, kind, bin, company_name, address, language, status, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, now())',
    [id, b.kind ?? 'registration', b.bin, b.companyName, b.address, b.language, 'draft', payload.sub],
  );
  return reply.code(201).send({ id, status: 'draft' });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
