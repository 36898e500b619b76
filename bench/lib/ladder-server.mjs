// The command path ladder (issue #17, ADR 0142): the bare baseline's POST /applications
// (bench/lib/bare-command-server.mjs) rebuilt one layer of the apps' stack at a time, so that figure
// (a) can say what each layer costs. Every rung does what the bare server does — the SAME RS256
// verification against the SAME JWKS (jose, issuer, audience, algorithms as nest-commons'
// TokenVerifier), the check that the caller acts for the BIN, one INSERT of the same fields, a 201
// with { id, status } — and adds exactly one thing:
//
//   LADDER_RUNG=nest-express        NestJS on the Express adapter (what the apps run): one module, one
//                                   controller, the verification in a guard, raw pg (pool of 10)
//   LADDER_RUNG=nest-fastify        the same Nest app on @nestjs/platform-fastify
//   LADDER_RUNG=nest-express-orm    nest-express with MikroORM's `em.insert` on a fork (pool of 10, as
//                                   the apps configure it) instead of raw pg: still one statement
//   LADDER_RUNG=nest-express-flush  nest-express with MikroORM's unit of work: `em.create` + `em.flush`
//                                   on a fork (begin, insert, commit: three statements, as the apps' writes)
//
// No request pipeline of the platform (ids, metrics, request log), no zod, no CQRS bus: those are
// what the app adds above the top rung. Plain JavaScript, so Nest's decorators are applied as the
// functions they are (no design:paramtypes: every injection names its token).
//
//   LADDER_RUNG=… PORT=… DATABASE_URL=… HUB_AUTH_JWKS_FILE=… HUB_AUTH_ISSUER=… node bench/lib/ladder-server.mjs
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Body, Controller, ForbiddenException, Get, Inject, Module, Post, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLocalJWKSet, jwtVerify } from 'jose';
import pg from 'pg';

const RUNGS = ['nest-express', 'nest-fastify', 'nest-express-orm', 'nest-express-flush'];
const rung = process.env.LADDER_RUNG;
if (!RUNGS.includes(rung)) throw new Error(`LADDER_RUNG must be one of ${RUNGS.join(', ')} (got ${rung})`);

const TABLE = `create table if not exists bare_application (
  id uuid primary key, kind text not null, bin text not null, company_name text not null, address text not null,
  language text not null, status text not null, created_by text not null, created_at timestamptz not null)`;

/** The store of one rung: `insert(row)` writes one application. */
async function openStore() {
  if (rung === 'nest-express' || rung === 'nest-fastify') {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    await pool.query(TABLE);
    return {
      insert: (r) =>
        pool.query(
          'insert into bare_application (id, kind, bin, company_name, address, language, status, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, now())',
          [r.id, r.kind, r.bin, r.companyName, r.address, r.language, r.status, r.createdBy],
        ),
    };
  }
  const { EntitySchema, MikroORM } = await import('@mikro-orm/postgresql');
  class BareApplication {}
  const schema = new EntitySchema({
    class: BareApplication,
    tableName: 'bare_application',
    properties: {
      id: { type: 'uuid', primary: true },
      kind: { type: 'string' },
      bin: { type: 'string' },
      companyName: { type: 'string' },
      address: { type: 'string' },
      language: { type: 'string' },
      status: { type: 'string' },
      createdBy: { type: 'string' },
      createdAt: { type: 'Date' },
    },
  });
  // The apps' settings (nest-commons' HubPersistenceModule): pool of 10, no global context.
  const orm = await MikroORM.init({
    clientUrl: process.env.DATABASE_URL,
    entities: [schema],
    allowGlobalContext: false,
    flushMode: 'always',
    pool: { min: 0, max: 10 },
    debug: false,
  });
  await orm.em.fork().execute(TABLE);
  if (rung === 'nest-express-orm') return { insert: (r) => orm.em.fork().insert(BareApplication, { ...r, createdAt: new Date() }) };
  return {
    insert: async (r) => {
      const em = orm.em.fork();
      em.create(BareApplication, { ...r, createdAt: new Date() });
      await em.flush();
    },
  };
}

const keys = createLocalJWKSet(JSON.parse(readFileSync(process.env.HUB_AUTH_JWKS_FILE, 'utf8')));

/** The bearer token's verification, as a Nest guard (the apps verify in a guard too). */
class TokenGuard {
  async canActivate(context) {
    const req = context.switchToHttp().getRequest();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: process.env.HUB_AUTH_ISSUER,
        audience: process.env.HUB_AUTH_AUDIENCE ?? 'hub-platform',
        algorithms: ['RS256', 'ES256', 'EdDSA'],
      });
      req.principal = payload;
      return true;
    } catch {
      throw new UnauthorizedException();
    }
  }
}

const STORE = Symbol('ladder store');

class ApplicationsController {
  constructor(store) {
    this.store = store;
  }

  health() {
    return { status: 'ok' };
  }

  async create(req, b) {
    const payload = req.principal;
    if (!b || typeof b.bin !== 'string' || !/^\d{12}$/.test(b.bin) || !(payload.hub_companies ?? []).includes(b.bin)) throw new ForbiddenException();
    const id = randomUUID();
    await this.store.insert({
      id,
      kind: b.kind ?? 'registration',
      bin: b.bin,
      companyName: b.companyName,
      address: b.address,
      language: b.language,
      status: 'draft',
      createdBy: payload.sub,
    });
    return { id, status: 'draft' }; // @Post answers 201
  }
}
const proto = ApplicationsController.prototype;
const method = (name, ...decorators) => {
  for (const d of decorators) d(proto, name, Object.getOwnPropertyDescriptor(proto, name));
};
Controller()(ApplicationsController);
Inject(STORE)(ApplicationsController, undefined, 0);
method('health', Get('health/ready'));
method('create', Post('applications'), UseGuards(new TokenGuard()));
Req()(proto, 'create', 0);
Body()(proto, 'create', 1);

class LadderModule {}
Module({ controllers: [ApplicationsController], providers: [{ provide: STORE, useFactory: openStore }] })(LadderModule);

const logger = ['error', 'warn'];
const app =
  rung === 'nest-fastify'
    ? await NestFactory.create(LadderModule, new (await import('@nestjs/platform-fastify')).FastifyAdapter({ logger: false }), { logger })
    : await NestFactory.create(LadderModule, { logger });
await app.listen(Number(process.env.PORT), '127.0.0.1');
