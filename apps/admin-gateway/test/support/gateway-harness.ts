import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Role } from '@hub/contracts';
import { Clock, ManualClock } from '@hub/kernel';
import { DevTokenIssuer, type TestDatabase, createTestDatabase } from '@hub/testing';
import { Module } from '@nestjs/common';
import { gatewayControllers, gatewayPlatformImports, gatewayProviders } from '../../src/app.module.js';
import { configureGatewayHttp } from '../../src/http/configure-gateway-http.js';
import { gatewayOrmConfig } from '../../src/mikro-orm.config.js';
import { UpstreamStub } from './upstream-stub.js';

export const BIN_A = '180340012345';
export const BIN_B = '190440054321';

export interface GatewayHarness {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly issuer: DevTokenIssuer;
  readonly registration: UpstreamStub;
  readonly participation: UpstreamStub;
  readonly clock: ManualClock;
  token(roles: Role[] | Role, o?: { sub?: string; companies?: string[] }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The gateway as it runs (same module, same HTTP pipeline) on its own fresh database with the real
 * migrations (the append-only trigger included), a dev token issuer, and two throwaway upstream
 * servers in place of registration and participation.
 */
export async function startGateway(
  env: Record<string, string> = {},
  upstreamUrls: { registration?: string; participation?: string } = {},
  /** Another harness's database and token issuer: a second replica of the gateway (closing this one leaves the database). */
  shared?: { db: TestDatabase; issuer: DevTokenIssuer },
): Promise<GatewayHarness> {
  const { clientUrl: _unused, ...ormOptions } = gatewayOrmConfig('postgres://unused@127.0.0.1/unused');
  const db = shared?.db ?? (await createTestDatabase('gateway', { ...ormOptions, migrate: async (orm) => void (await orm.migrator.up()) }));
  const dropDb = async () => (shared ? undefined : db.drop());
  const issuer = shared?.issuer ?? (await DevTokenIssuer.create());
  const jwksFile = join(tmpdir(), `gateway-jwks-${process.pid}-${Date.now()}.json`);
  writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
  const registration = await UpstreamStub.start();
  const participation = await UpstreamStub.start();
  const clock = new ManualClock('2026-11-20T06:00:00.000Z');
  const fullEnv = {
    PORT: '3100',
    DATABASE_URL: db.url,
    HUB_AUTH_ISSUER: issuer.issuer,
    HUB_AUTH_JWKS_FILE: jwksFile,
    HUB_LOG_LEVEL: 'silent',
    REGISTRATION_URL: upstreamUrls.registration ?? registration.url,
    PARTICIPATION_URL: upstreamUrls.participation ?? participation.url,
    HUB_GATEWAY_UPSTREAM_TIMEOUT_MS: '1500',
    HUB_GATEWAY_COMPOSE_TIMEOUT_MS: '1500',
    HUB_GATEWAY_RATE_BURST: '100000',
    HUB_GATEWAY_RATE_PER_MINUTE: '100000',
    HUB_GATEWAY_IP_RATE_BURST: '100000',
    HUB_GATEWAY_IP_RATE_PER_MINUTE: '100000',
    ...env,
  };
  @Module({ imports: gatewayPlatformImports(fullEnv), controllers: gatewayControllers, providers: gatewayProviders })
  class TestGatewayModule {}
  let app: INestApplication;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [TestGatewayModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureGatewayHttp(app);
    await app.init();
  } catch (e) {
    // Leave nothing behind when the gateway does not start.
    await Promise.allSettled([registration.stop(), participation.stop(), dropDb()]);
    throw e;
  }
  let n = 0;
  return {
    app,
    db,
    issuer,
    registration,
    participation,
    clock,
    token: (roles, o = {}) => issuer.issue({ sub: o.sub ?? `user-${(n += 1)}`, roles: Array.isArray(roles) ? roles : [roles], companies: o.companies ?? [] }),
    async close() {
      await app.close();
      await Promise.all([registration.stop(), participation.stop()]);
      await dropDb();
    },
  };
}
