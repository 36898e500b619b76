import { type INestApplication, Module } from '@nestjs/common';
import type request from 'supertest';
import { type Role, isServiceRole } from '@hub/contracts';
import { ManualClock } from '@hub/kernel';
import { type DevTokenIssuer, type TestDatabase, startTestApp } from '@hub/testing';
import { gatewayControllers, gatewayPlatformImports, gatewayProviders } from '../../src/app.module.js';
import { configureGatewayHttp } from '../../src/http/configure-gateway-http.js';
import { ROUTE_TABLE } from '../../src/access/route-table.js';
import { gatewayOrmConfig } from '../../src/mikro-orm.config.js';
import { UpstreamStub } from './upstream-stub.js';

export const BIN_A = '180340012345';
export const BIN_B = '190440054321';

export interface GatewayHarness {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly issuer: DevTokenIssuer;
  readonly env: Readonly<Record<string, string>>;
  readonly registration: UpstreamStub;
  readonly participation: UpstreamStub;
  /**
   * One stub per context the route table names (registration and participation included), so that
   * every table route gets an answer — a context added to the table (by hand or by tools/hub
   * new-context) needs no edit here. The others reach the gateway through HUB_GATEWAY_UPSTREAMS.
   */
  readonly upstreams: Readonly<Record<string, UpstreamStub>>;
  /** The stub standing in for `upstream` (throws for a name the route table does not know). */
  stub(upstream: string): UpstreamStub;
  readonly clock: ManualClock;
  /** A supertest request against the gateway's HTTP server. */
  http(): ReturnType<typeof request>;
  token(roles: Role[] | Role, o?: { sub?: string; companies?: string[] }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The gateway as it runs (same module, same HTTP pipeline) on @hub/testing's one app harness
 * (`startTestApp`: a fresh database with the real migrations — the append-only trigger included —
 * a dev token issuer, a ManualClock), with a throwaway upstream server in place of every context
 * the route table names (registration, participation, documents, …). Limits are lifted unless a test sets them.
 */
export async function startGateway(
  env: Record<string, string> = {},
  upstreamUrls: Record<string, string> = {},
  /** Another harness: this one becomes a second replica of it — same database, same token issuer. */
  shared?: GatewayHarness,
): Promise<GatewayHarness> {
  const names = [...new Set(['registration', 'participation', ...ROUTE_TABLE.map((r) => r.upstream)])];
  const upstreams: Record<string, UpstreamStub> = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await UpstreamStub.start()] as const)));
  const registration = upstreams.registration!;
  const participation = upstreams.participation!;
  const others = Object.fromEntries(names.filter((n) => n !== 'registration' && n !== 'participation').map((n) => [n, upstreamUrls[n] ?? upstreams[n]!.url]));
  const stopAll = () => Promise.allSettled(Object.values(upstreams).map((u) => u.stop()));
  const clock = new ManualClock('2026-11-20T06:00:00.000Z');
  try {
    const t = await startTestApp({
      prefix: 'gateway',
      createModule: (appEnv) => {
        @Module({ imports: gatewayPlatformImports(appEnv), controllers: gatewayControllers, providers: gatewayProviders })
        class TestGatewayModule {}
        return TestGatewayModule;
      },
      orm: gatewayOrmConfig,
      pipeline: configureGatewayHttp,
      clock,
      env: {
        REGISTRATION_URL: upstreamUrls.registration ?? registration.url,
        PARTICIPATION_URL: upstreamUrls.participation ?? participation.url,
        HUB_GATEWAY_UPSTREAMS: JSON.stringify(others),
        HUB_GATEWAY_UPSTREAM_TIMEOUT_MS: '1500',
        HUB_GATEWAY_COMPOSE_TIMEOUT_MS: '1500',
        // Tests that take a context down on purpose must see its own failure, not an open circuit;
        // circuit-breaker.int.spec.ts sets a low threshold of its own.
        HUB_GATEWAY_BREAKER_FAILURES: '1000',
        HUB_GATEWAY_RATE_BURST: '100000',
        HUB_GATEWAY_RATE_PER_MINUTE: '100000',
        HUB_GATEWAY_IP_RATE_BURST: '100000',
        HUB_GATEWAY_IP_RATE_PER_MINUTE: '100000',
        // A second replica talks to the first one's database and trusts its issuer.
        ...(shared ? { DATABASE_URL: shared.db.url, HUB_AUTH_ISSUER: shared.issuer.issuer, HUB_AUTH_JWKS_FILE: shared.env.HUB_AUTH_JWKS_FILE! } : {}),
        ...env,
      },
    });
    const issuer = shared?.issuer ?? t.issuer;
    let n = 0;
    return {
      app: t.app,
      db: shared?.db ?? t.db,
      issuer,
      env: t.env,
      registration,
      participation,
      upstreams,
      stub(upstream) {
        const s = upstreams[upstream];
        if (!s) throw new Error(`no upstream stub for '${upstream}': the route table does not name it`);
        return s;
      },
      clock,
      http: () => t.http(),
      token: (roles, o = {}) => {
        const list = Array.isArray(roles) ? roles : [roles];
        // ADR 0106: a worker's token (service roles only) has a service: subject and its client.
        if (list.length > 0 && list.every(isServiceRole))
          return issuer.issue({ sub: `service:${o.sub ?? `worker-${(n += 1)}`}`, roles: list, companies: [], client: 'hub-test-worker' });
        return issuer.issue({ sub: o.sub ?? `user-${(n += 1)}`, roles: list, companies: o.companies ?? [] });
      },
      async close() {
        await t.close();
        await stopAll();
      },
    };
  } catch (e) {
    // Leave nothing behind when the gateway does not start.
    await stopAll();
    throw e;
  }
}
