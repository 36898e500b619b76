import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { testKafkaBrokers, testPgUrl, uniqueName } from '@hub/testing';
import { deadPort } from './upstream-stub.js';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '../../../..');

/**
 * Every app as its own OS process, the way it is deployed: `node dist/main.js` with its own
 * environment and database (migrated by its own `dist/cli/migrate.js up` step), the development
 * issuer (tools/dev-issuer) as the identity provider. Logs are kept for the failure message.
 */
export class ProcessFleet {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'hub-e2e-state-'));
  readonly issuerUrl = 'http://127.0.0.1:4000';
  private readonly children: { name: string; child: ChildProcess; log: string[] }[] = [];
  /** Extra environment and node options for every process of the fleet (e.g. the shared test clock). */
  commonEnv: Record<string, string> = {};
  nodeArgs: string[] = [];
  private readonly databases: string[] = [];

  get jwksFile(): string {
    return join(this.stateDir, 'dev-issuer', 'jwks.json');
  }

  /**
   * Mints a token with the real CLI (`tools/dev-issuer/token.mjs`): the same key the apps trust. `claims` adds the
   * OIDC `email` and `locale` a person's contact is learnt from (ADR 0114, ADR 0145).
   */
  async token(sub: string, roles: string[], companies: string[] = [], claims: { email?: string; locale?: string } = {}): Promise<string> {
    const args = [
      join(REPO, 'tools/dev-issuer/token.mjs'),
      '--sub',
      sub,
      ...roles.flatMap((r) => ['--role', r]),
      ...companies.flatMap((c) => ['--company', c]),
      ...(claims.email ? ['--email', claims.email] : []),
      ...(claims.locale ? ['--locale', claims.locale] : []),
    ];
    const { stdout } = await run(process.execPath, [...this.nodeArgs, ...args], {
      env: { ...process.env, ...this.commonEnv, HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: this.issuerUrl },
    });
    return stdout.trim();
  }

  /** A platform worker's client secret (ADR 0106), as tools/hub up reads it (`token.mjs --client-secret`). */
  async clientSecret(client: string): Promise<string> {
    const { stdout } = await run(process.execPath, [join(REPO, 'tools/dev-issuer/token.mjs'), '--client-secret', client], {
      env: { ...process.env, HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: this.issuerUrl },
    });
    return stdout.trim();
  }

  /** Serves the issuer's discovery document and JWKS over HTTP on a free port; returns the JWKS URL. */
  async startIssuer(): Promise<string> {
    await this.token('bootstrap', ['auditor']); // creates the key and the JWKS file
    const port = await deadPort();
    await this.spawn(
      'dev-issuer',
      [join(REPO, 'tools/dev-issuer/server.mjs')],
      { HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: this.issuerUrl, HUB_DEV_ISSUER_PORT: String(port) },
      `http://127.0.0.1:${port}/jwks.json`,
    );
    return `http://127.0.0.1:${port}/jwks.json`;
  }

  async createDatabase(prefix: string): Promise<string> {
    const name = uniqueName(`hub_e2e_${prefix}`);
    await admin((c) => c.query(`create database "${name}"`));
    this.databases.push(name);
    return `${testPgUrl()}/${name}`;
  }

  /** Runs an app's migrations as their own step, as in production. */
  async migrate(app: string, databaseUrl: string): Promise<void> {
    await run(process.execPath, [join(REPO, 'apps', app, 'dist/cli/migrate.js'), 'up'], {
      cwd: join(REPO, 'apps', app),
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  }

  /** Starts `node apps/<app>/dist/main.js` and waits for its liveness endpoint. Returns its base URL. */
  async startApp(app: string, env: Record<string, string>, port?: number): Promise<string> {
    port ??= await deadPort();
    const url = `http://127.0.0.1:${port}`;
    await this.spawn(
      app,
      [join(REPO, 'apps', app, 'dist/main.js')],
      { HUB_LOG_LEVEL: 'warn', ...env, PORT: String(port) },
      `${url}/health/live`,
      join(REPO, 'apps', app),
    );
    return url;
  }

  /** Stops one app (SIGTERM) — to watch the others cope. */
  async stop(name: string): Promise<void> {
    const entry = this.children.find((c) => c.name === name);
    if (!entry || entry.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => entry.child.once('exit', () => r()));
    entry.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (entry.child.exitCode === null) entry.child.kill('SIGKILL');
  }

  logs(name: string): string {
    return this.children.find((c) => c.name === name)?.log.join('') ?? '';
  }

  async close(): Promise<void> {
    for (const c of [...this.children].reverse()) await this.stop(c.name);
    for (const db of this.databases) await admin((c) => c.query(`drop database if exists "${db}" with (force)`)).catch(() => undefined);
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  private async spawn(name: string, args: string[], env: Record<string, string>, readyUrl: string, cwd = REPO): Promise<void> {
    const child = spawn(process.execPath, [...this.nodeArgs, ...args], {
      cwd,
      env: { ...process.env, ...this.commonEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stdout?.on('data', (d: Buffer) => log.push(String(d)));
    child.stderr?.on('data', (d: Buffer) => log.push(String(d)));
    this.children.push({ name, child, log });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log.join('').slice(-4000)}`);
      const ok = await fetch(readyUrl).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${name} did not come up within 60 s:\n${log.join('').slice(-4000)}`);
  }

  /**
   * Every process of the fleet (and every token minted) on one movable wall clock: `file` holds the offset
   * from the real time in ms, re-read by test/support/shared-test-clock.mjs (ADR 0034). Starts at 0. The
   * broker refuses message timestamps far ahead of its own, so a test moves the clock after its traffic.
   */
  shareClock(file: string): void {
    writeFileSync(file, '0');
    this.commonEnv = { ...this.commonEnv, HUB_TEST_CLOCK_FILE: file };
    this.nodeArgs = ['--import', join(import.meta.dirname, 'shared-test-clock.mjs')];
  }

  /** Creates the contracts' topics (and their `.dlq` twins) under this run's prefix, as `tools/hub up` does. */
  async createTopics(topicPrefix: string): Promise<void> {
    await run(process.execPath, [join(REPO, 'tools/dev-stack/create-topics.mjs')], {
      env: { ...process.env, HUB_KAFKA_BROKERS: testKafkaBrokers().join(','), HUB_KAFKA_TOPIC_PREFIX: topicPrefix },
    });
  }
}

/**
 * The environment every context of an e2e fleet shares: the test broker under this run's own topic prefix
 * (its own topics and consumer groups: no earlier run's events are replayed), the fleet's issuer, workers on,
 * and timers polled every 200 ms (`timerPollMs: null` leaves the app's default).
 */
export function fleetEnv(fleet: ProcessFleet, topicPrefix: string, options: { timerPollMs?: number | null } = {}): Record<string, string> {
  const timerPollMs = options.timerPollMs === undefined ? 200 : options.timerPollMs;
  return {
    HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
    HUB_KAFKA_TOPIC_PREFIX: topicPrefix,
    HUB_AUTH_ISSUER: fleet.issuerUrl,
    HUB_AUTH_JWKS_FILE: fleet.jwksFile,
    HUB_RUN_WORKERS: 'true',
    ...(timerPollMs === null ? {} : { HUB_TIMER_POLL_MS: String(timerPollMs) }),
  };
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${testPgUrl()}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
