import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { almatyDate } from '@hub/calendar';
import type { Role } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { Clock, ManualClock } from '@hub/kernel';
import { OutboxRelay, TimerPoller } from '@hub/messaging';
import { HUB_CONFIG, UnitOfWork, configureHttp } from '@hub/nest-commons';
import { DevTokenIssuer, createTestDatabase, testKafkaBrokers, type TestDatabase } from '@hub/testing';
import { Module } from '@nestjs/common';
import { registrationPlatform } from '../../src/app.module.js';
import { cleanDeclaration, sampleBusinessPlan, samplePlaceOfBusiness } from '../../src/cli/sample-data.js';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';
import { RegistrationModule } from '../../src/registration/registration.module.js';

export interface Harness {
  app: INestApplication;
  db: TestDatabase;
  clock: ManualClock;
  issuer: DevTokenIssuer;
  http: () => ReturnType<typeof request>;
  token(roles: Role[], companies?: string[], sub?: string): Promise<string>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The registration app on a fresh real database (migrations run), with a manual clock and a dev token issuer. */
export async function startHarness(prefix: string, options: { start?: string; workers?: boolean; topicOverride?: never; env?: Record<string, string> } = {}): Promise<Harness> {
  const { clientUrl: _unused, ...ormOptions } = registrationOrmConfig('postgres://unused');
  const db = await createTestDatabase(prefix, { ...ormOptions, migrate: async (orm) => void (await orm.migrator.up()) });
  const issuer = await DevTokenIssuer.create();
  const jwksFile = join(tmpdir(), `reg-jwks-${process.pid}-${prefix}.json`);
  writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
  const env = {
    PORT: '3999',
    DATABASE_URL: db.url,
    HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
    HUB_AUTH_ISSUER: issuer.issuer,
    HUB_AUTH_JWKS_FILE: jwksFile,
    HUB_LOG_LEVEL: 'silent',
    HUB_RUN_WORKERS: options.workers ? 'true' : 'false',
    HUB_TIMER_POLL_MS: '100',
    REGISTRATION_PUBLIC_BASE_URL: 'https://hub.example.kz',
    ...options.env,
  };
  const clock = new ManualClock(options.start ?? '2026-11-16T04:00:00Z'); // Monday 09:00 in Almaty
  @Module({ imports: [registrationPlatform(env), RegistrationModule] })
  class TestAppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).overrideProvider(Clock).useValue(clock).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false });
  configureHttp(app, app.get(HUB_CONFIG));
  await app.init();
  return {
    app,
    db,
    clock,
    issuer,
    http: () => request(app.getHttpServer()),
    token: (roles, companies = [], sub = `${roles[0]}-${companies[0] ?? 'x'}`) => issuer.issue({ sub, roles, companies, name: sub }),
    sql: async (q, p = []) => (await app.get(UnitOfWork).reader().execute(q, p)) as never,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export const relay = (h: Harness) => h.app.get(OutboxRelay);
export const poller = (h: Harness) => h.app.get(TimerPoller);

let serial = 100;
/** A fresh valid head-office BIN per call. */
export const newBin = (): string => makeBin({ year: 2018, month: 4, serial: (serial += 13) });

/** A complete draft body for PATCH /applications/:id. */
export function completeDraft(codes: string[] = ['PH-01'], taxIssuedOn = '2026-11-12') {
  return {
    activityTypes: codes.map((code) => ({ code, works: [`${code}.1`] })),
    businessPlan: sampleBusinessPlan(codes),
    taxCertificate: { number: 'TAX-1', issuedOn: taxIssuedOn, debtKzt: 0 },
    placeOfBusiness: samplePlaceOfBusiness(),
    eligibility: cleanDeclaration(),
  };
}

export interface Actors {
  bin: string;
  applicant: string;
  officer: string;
  member1: string;
  member2: string;
  secretary: string;
}

export async function actorsFor(h: Harness, bin = newBin()): Promise<Actors> {
  return {
    bin,
    applicant: await h.token(['applicant'], [bin], `rep-${bin}`),
    officer: await h.token(['fund-officer'], [], 'officer-1'),
    member1: await h.token(['commission-member'], [], 'member-1'),
    member2: await h.token(['commission-member'], [], 'member-2'),
    secretary: await h.token(['commission-secretary'], [], 'secretary-1'),
  };
}

const auth = (t: string) => ({ authorization: `Bearer ${t}` });

/** Drives one application through HTTP up to `until` (inclusive), returning its id. */
export async function driveTo(
  h: Harness,
  a: Actors,
  until: 'draft' | 'submitted' | 'remarks-issued' | 'with-commission' | 'registered' | 'refused' | 'contract-signed' | 'certificate-issued' | 'listed',
  opts: { language?: 'kk' | 'ru' | 'en'; companyName?: string; codes?: string[] } = {},
): Promise<string> {
  const ok = (res: request.Response, status = 200) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const created = ok(await h.http().post('/applications').set(auth(a.applicant)).send({ bin: a.bin, companyName: opts.companyName ?? `Company ${a.bin}`, address: 'Astana, Mangilik El 55/8', language: opts.language ?? 'ru' }), 201);
  const id = created.body.id as string;
  ok(await h.http().patch(`/applications/${id}`).set(auth(a.applicant)).send(completeDraft(opts.codes, almatyDate(h.clock.now()))));
  if (until === 'draft') return id;
  ok(await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant)));
  if (until === 'submitted') return id;
  if (until === 'remarks-issued') {
    ok(await h.http().post(`/applications/${id}/remarks`).set(auth(a.officer)).send({ remarks: [{ field: 'businessPlan.clients', message: 'Name the pilot clients' }] }));
    return id;
  }
  ok(await h.http().post(`/applications/${id}/send-to-commission`).set(auth(a.officer)));
  if (until === 'with-commission') return id;
  const refuse = until === 'refused';
  ok(await h.http().post(`/applications/${id}/votes`).set(auth(a.member1)).send(refuse ? { vote: 'refuse', grounds: ['business-plan-not-per-annex-1'] } : { vote: 'register' }));
  ok(await h.http().post(`/applications/${id}/decision`).set(auth(a.secretary)).send(refuse ? { decision: 'refuse', grounds: [{ ground: 'business-plan-not-per-annex-1', reason: 'KPIs are not measurable' }] } : { decision: 'register' }));
  if (until === 'registered' || until === 'refused') return id;
  const today = almatyDate(h.clock.now());
  ok(await h.http().post(`/applications/${id}/contract`).set(auth(a.officer)).send({ contractNumber: `SC-${a.bin}`, signedOn: today }));
  if (until === 'contract-signed') return id;
  ok(await h.http().post(`/applications/${id}/certificate`).set(auth(a.officer)));
  if (until === 'certificate-issued') return id;
  ok(await h.http().post(`/applications/${id}/listing`).set(auth(a.officer)));
  return id;
}

export { auth };
