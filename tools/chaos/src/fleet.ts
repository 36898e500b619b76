import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DevTokenIssuer, reservePort, testPgUrl, uniqueName } from '@hub/testing';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '../../..');

/** A free TCP port on 127.0.0.1, reserved across test processes until this one exits (`reservePort`, @hub/testing). */
export async function freePort(): Promise<number> {
  return reservePort();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface ProcessSpec {
  readonly name: string;
  readonly app: string;
  readonly port: number;
  readonly env: Record<string, string>;
}

interface Running {
  readonly spec: ProcessSpec;
  child: ChildProcess;
  starts: number;
}

/**
 * The suite's own fleet (issue #18, ADR 0043): every app a `node apps/<app>/dist/main.js` process on a
 * free port with its own fresh database (migrated by the app's own CLI), tokens signed by the
 * development issuer's key class (`DevTokenIssuer`, whose JWKS file the apps read), and every byte a
 * process writes to stdout/stderr kept in `<stateDir>/logs/<name>.log` across restarts — the log
 * scan reads those files. A process can be SIGKILLed and restarted on the same port.
 */
export class Fleet {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'hub-chaos-'));
  readonly issuerUrl = 'http://127.0.0.1:4000';
  readonly jwksFile = join(this.stateDir, 'jwks.json');
  /** Extra node options for every process (e.g. the shared test clock preload). */
  nodeArgs: string[] = [];
  commonEnv: Record<string, string> = {};
  private issuer: DevTokenIssuer | undefined;
  private readonly running = new Map<string, Running>();
  private readonly logs = new Map<string, WriteStream>();
  private readonly databases: string[] = [];
  /** The PostgreSQL server the fleet's databases live on (superuser URL without a database): the shared one, or the suite's own (OwnPostgres). */
  pgUrl = testPgUrl();

  async init(): Promise<void> {
    this.issuer = await DevTokenIssuer.create(this.issuerUrl);
    writeFileSync(this.jwksFile, JSON.stringify(this.issuer.jwks()));
  }

  async token(sub: string, roles: string[], companies: string[] = [], ttlSec = 4 * 3600): Promise<string> {
    if (!this.issuer) throw new Error('fleet.init() first');
    return this.issuer.issue({ sub, roles, companies, expiresInSec: ttlSec });
  }

  /** The environment every context needs to trust the issuer. */
  get authEnv(): Record<string, string> {
    return { HUB_AUTH_ISSUER: this.issuerUrl, HUB_AUTH_JWKS_FILE: this.jwksFile };
  }

  async createDatabase(prefix: string): Promise<string> {
    const name = uniqueName(`hub_chaos_${prefix}`);
    await withDb(`${this.pgUrl}/postgres`, (c) => c.query(`create database "${name}"`));
    this.databases.push(name);
    return `${this.pgUrl}/${name}`;
  }

  async migrate(app: string, databaseUrl: string): Promise<void> {
    await run(process.execPath, [join(REPO, 'apps', app, 'dist/cli/migrate.js'), 'up'], {
      cwd: join(REPO, 'apps', app),
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  }

  /** Starts `name` (an app's process) on a free port and waits until it answers `/health/live`. */
  async start(name: string, app: string, env: Record<string, string>, port?: number): Promise<string> {
    const spec: ProcessSpec = { name, app, port: port ?? (await freePort()), env };
    await this.spawn(spec);
    return this.url(name);
  }

  url(name: string): string {
    const r = this.running.get(name);
    if (!r) throw new Error(`no process ${name}`);
    return `http://127.0.0.1:${r.spec.port}`;
  }

  /** SIGKILL (default) — no shutdown hook runs, as in a crash or an OOM kill. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const r = this.running.get(name);
    if (!r || r.child.exitCode !== null || r.child.signalCode !== null) return;
    const exited = new Promise<void>((res) => r.child.once('exit', () => res()));
    r.child.kill(signal);
    await Promise.race([exited, sleep(15_000)]);
    if (r.child.exitCode === null && r.child.signalCode === null) {
      r.child.kill('SIGKILL');
      await exited;
    }
  }

  /** Starts a killed process again with the same port and environment. */
  async restart(name: string): Promise<void> {
    const r = this.running.get(name);
    if (!r) throw new Error(`no process ${name}`);
    await this.kill(name);
    await this.spawn(r.spec);
  }

  logFile(name: string): string {
    return join(this.stateDir, `${name}.log`);
  }

  /** Everything the process wrote, over all its starts. */
  logText(name: string): string {
    const f = this.logFile(name);
    return existsSync(f) ? readFileSync(f, 'utf8') : '';
  }

  names(): string[] {
    return [...this.running.keys()];
  }

  starts(name: string): number {
    return this.running.get(name)?.starts ?? 0;
  }

  /** Stops every process (SIGTERM, SIGKILL after 15 s). */
  async stopAll(): Promise<void> {
    for (const name of [...this.running.keys()].reverse()) await this.kill(name, 'SIGTERM');
  }

  async close(): Promise<void> {
    await this.stopAll();
    for (const s of this.logs.values()) s.end();
    for (const db of this.databases)
      await withDb(`${this.pgUrl}/postgres`, (c) => c.query(`drop database if exists "${db}" with (force)`)).catch(() => undefined);
    if (!process.env.HUB_CHAOS_KEEP) rmSync(this.stateDir, { recursive: true, force: true });
  }

  private logStream(name: string): WriteStream {
    let s = this.logs.get(name);
    if (!s) {
      s = createWriteStream(this.logFile(name), { flags: 'a' });
      this.logs.set(name, s);
    }
    return s;
  }

  private async spawn(spec: ProcessSpec): Promise<void> {
    const out = this.logStream(spec.name);
    const child = spawn(process.execPath, [...this.nodeArgs, join(REPO, 'apps', spec.app, 'dist/main.js')], {
      cwd: join(REPO, 'apps', spec.app),
      env: { ...process.env, HUB_LOG_LEVEL: process.env.HUB_CHAOS_LOG_LEVEL ?? 'warn', ...this.commonEnv, ...spec.env, PORT: String(spec.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => out.write(d));
    child.stderr?.on('data', (d: Buffer) => out.write(d));
    const previous = this.running.get(spec.name);
    this.running.set(spec.name, { spec, child, starts: (previous?.starts ?? 0) + 1 });
    const ready = `http://127.0.0.1:${spec.port}/health/live`;
    // A process boots in 2–5 s on a quiet machine; 70 s+ was measured with six agents on two cores.
    const bootMs = Number(process.env.HUB_CHAOS_BOOT_TIMEOUT_MS ?? 240_000);
    const deadline = Date.now() + bootMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${spec.name} exited with ${child.exitCode}:\n${this.logText(spec.name).slice(-4000)}`);
      const ok = await fetch(ready, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`${spec.name} did not come up within ${bootMs / 1000} s:\n${this.logText(spec.name).slice(-4000)}`);
  }
}

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withDb(`${testPgUrl()}/postgres`, fn);
}

export async function withDb<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the platform's topics under `prefix` on `brokers` (tools/dev-stack/create-topics.mjs). */
export async function createTopics(brokers: string, prefix: string): Promise<void> {
  await run(process.execPath, [join(REPO, 'tools/dev-stack/create-topics.mjs')], {
    env: { ...process.env, HUB_KAFKA_BROKERS: brokers, HUB_KAFKA_TOPIC_PREFIX: prefix },
  });
}
