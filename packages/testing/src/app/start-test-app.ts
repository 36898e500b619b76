import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, INestApplication, NestApplicationOptions, Type } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { Options } from '@mikro-orm/postgresql';
import request from 'supertest';
import { Clock, ManualClock } from '@hub/kernel';
import { createTestDatabase, type TestDatabase } from '../database.js';
import { testKafkaBrokers } from '../env.js';
import { DevTokenIssuer } from '../tokens.js';

type AppModule = Type<unknown> | DynamicModule;

export interface StartTestAppOptions {
  /** Names the test database (`hub_t_<prefix>_…`); one per test file. */
  readonly prefix: string;
  /** The app's root module, or a factory given the environment the harness built. Exactly one. */
  readonly module?: AppModule;
  readonly createModule?: (env: Readonly<Record<string, string>>) => AppModule;
  /** The app's MikroORM config (its `clientUrl` is replaced); its migrations are run unless `migrate: false`. */
  readonly orm: Partial<Options> | ((url: string) => Partial<Options>);
  readonly migrate?: boolean;
  /** The HTTP pipeline the app runs with in production, e.g. `(app) => configureHttp(app, app.get(HUB_CONFIG))`. */
  readonly pipeline: (app: INestApplication) => void;
  /** Extra or overriding environment variables (the harness sets DATABASE_URL, auth, Kafka, log level). */
  readonly env?: Readonly<Record<string, string>>;
  /** A ManualClock, or the instant one starts at (default 2026-11-16T04:00:00Z, a Monday 09:00 in Almaty). */
  readonly clock?: ManualClock | string;
  /** Runs the relay, consumers and timer poller in the app (HUB_RUN_WORKERS); default false. */
  readonly workers?: boolean;
  /** More provider overrides, e.g. `(b) => b.overrideProvider(HUB_LOGGER).useValue(logger)`. */
  readonly overrides?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  readonly nestOptions?: NestApplicationOptions;
}

export interface TestApp {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly clock: ManualClock;
  readonly issuer: DevTokenIssuer;
  /** The environment the app was built with. */
  readonly env: Readonly<Record<string, string>>;
  /** A supertest request against the app's HTTP server. */
  http(): ReturnType<typeof request>;
  /** A signed access token; `sub` defaults to `<first role>-<first company or x>`. */
  token(roles: readonly string[], companies?: readonly string[], sub?: string): Promise<string>;
  /** A platform worker's token (ADR 0106), as the client-credentials grant gives it: `service:<name>`, its client, service roles only. */
  serviceToken(client: string, roles: readonly string[]): Promise<string>;
  /** Runs SQL on the app's database (a fresh fork of the test database's ORM). */
  sql<T = Record<string, unknown>>(query: string, params?: readonly unknown[]): Promise<T[]>;
  /** Closes the app, drops the database, removes the JWKS file. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * One Nest app under test, on the real infrastructure (ADR 0009): a fresh PostgreSQL database with
 * the app's migrations, a dev token issuer whose JWKS the app trusts (a file), the app's own module
 * with its production HTTP pipeline, a ManualClock in place of the Clock port, and a clean shutdown.
 */
export async function startTestApp(options: StartTestAppOptions): Promise<TestApp> {
  if ((options.module === undefined) === (options.createModule === undefined)) {
    throw new Error('startTestApp: give exactly one of `module` and `createModule`');
  }
  const { clientUrl: _ignored, ...ormOptions } = typeof options.orm === 'function' ? options.orm('postgres://unused@127.0.0.1/unused') : options.orm;
  const migrate = options.migrate ?? true;
  const db = await createTestDatabase(options.prefix, { ...ormOptions, ...(migrate ? { migrate: async (orm) => void (await orm.migrator.up()) } : {}) });
  const jwksDir = mkdtempSync(join(tmpdir(), `hub-jwks-${options.prefix}-`));
  let app: INestApplication | undefined;
  const cleanUp = async () => {
    await app?.close();
    app = undefined;
    rmSync(jwksDir, { recursive: true, force: true });
    await db.drop();
  };
  try {
    const issuer = await DevTokenIssuer.create();
    const jwksFile = join(jwksDir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    const env: Record<string, string> = {
      PORT: '3999', // never listened on: requests go through supertest
      DATABASE_URL: db.url,
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_AUTH_ISSUER: issuer.issuer,
      HUB_AUTH_JWKS_FILE: jwksFile,
      HUB_LOG_LEVEL: 'silent',
      HUB_RUN_WORKERS: options.workers ? 'true' : 'false',
      HUB_TIMER_POLL_MS: '100',
      ...options.env,
    };
    const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(options.clock ?? '2026-11-16T04:00:00Z');
    const root = options.module ?? options.createModule!(env);
    let builder = Test.createTestingModule({ imports: [root] })
      .overrideProvider(Clock)
      .useValue(clock);
    if (options.overrides) builder = options.overrides(builder);
    const moduleRef = await builder.compile();
    app = moduleRef.createNestApplication({ bodyParser: false, ...options.nestOptions });
    options.pipeline(app);
    await app.init();
    const started = app;
    let closed = false;
    return {
      app: started,
      db,
      clock,
      issuer,
      env,
      http: () => request(started.getHttpServer() as Parameters<typeof request>[0]),
      token: (roles, companies = [], sub = `${roles[0] ?? 'nobody'}-${companies[0] ?? 'x'}`) => issuer.issue({ sub, roles, companies, name: sub }),
      serviceToken: (client, roles) => issuer.issue({ sub: `service:${client.replace(/^hub-/, '')}`, roles, client }),
      sql: async <T>(query: string, params: readonly unknown[] = []): Promise<T[]> => db.orm.em.fork().execute<T[]>(query, [...params]),
      close: async () => {
        if (closed) return;
        closed = true;
        await cleanUp();
      },
    };
  } catch (e) {
    // Leave nothing behind when the app does not start.
    await cleanUp().catch(() => undefined);
    throw e;
  }
}
