// The bench's own fleet (ADR 0041): apps started as their own processes (`node dist/main.js`) on free
// ports, each with a fresh database migrated by the app's own CLI, its own Kafka topic prefix and its
// own development issuer key in a temporary state directory. Nothing that `tools/hub up` runs is
// touched: no fixed port, no hub_* database of the dev platform, no shared state directory.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { DevTokenIssuer, reservePort } from '@hub/testing';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '../..');
export const PG = process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const BROKERS = process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092';
export const ISSUER_URL = 'http://127.0.0.1:4000'; // the `iss` the tokens carry; nothing needs to listen there

/** A free loopback port, reserved across processes until this one exits (`reservePort`, @hub/testing). */
export async function freePort() {
  return reservePort();
}

export async function adminQuery(q, params) {
  const c = new pg.Client({ connectionString: `${PG}/postgres` });
  await c.connect();
  try {
    return await c.query(q, params);
  } finally {
    await c.end();
  }
}

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export class BenchFleet {
  stateDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  topicPrefix = `bench${stamp()}.`;
  children = [];
  databases = [];
  issuer;
  jwksFile;
  jwks;

  /**
   * A development issuer of the fleet's own (the same RS256 DevTokenIssuer tools/dev-issuer uses),
   * its JWKS written to this fleet's state directory — never the dev platform's key.
   */
  async startIssuer() {
    this.issuer = await DevTokenIssuer.create(ISSUER_URL, 'hub-platform');
    this.jwks = this.issuer.jwks();
    this.jwksFile = join(this.stateDir, 'jwks.json');
    writeFileSync(this.jwksFile, JSON.stringify(this.jwks));
    return this;
  }

  token(sub, roles, companies = [], expiresInSec = 3600) {
    return this.issuer.issue({ sub, roles, companies, expiresInSec });
  }

  /** Auth and broker environment every context app of the fleet gets. */
  get commonEnv() {
    return {
      HUB_KAFKA_BROKERS: BROKERS,
      HUB_KAFKA_TOPIC_PREFIX: this.topicPrefix,
      HUB_AUTH_ISSUER: ISSUER_URL,
      HUB_AUTH_JWKS_FILE: this.jwksFile,
      HUB_LOG_LEVEL: 'warn',
    };
  }

  async createTopics() {
    await run(process.execPath, [join(REPO, 'tools/dev-stack/create-topics.mjs')], {
      env: { ...process.env, HUB_KAFKA_BROKERS: BROKERS, HUB_KAFKA_TOPIC_PREFIX: this.topicPrefix },
    });
  }

  async createDatabase(prefix) {
    const name = `hub_bench_${prefix.replace(/\W/g, '_')}_${stamp()}`;
    await adminQuery(`create database "${name}"`);
    this.databases.push(name);
    return `${PG}/${name}`;
  }

  /** Runs the app's migrations with its own CLI, as in production. */
  async migrate(app, databaseUrl) {
    await run(process.execPath, [join(REPO, 'apps', app, 'dist/cli/migrate.js'), 'up'], {
      cwd: join(REPO, 'apps', app),
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  }

  /** A fresh, migrated database for the app. */
  async database(app) {
    const url = await this.createDatabase(app);
    await this.migrate(app, url);
    return url;
  }

  /**
   * Starts `node apps/<app>/dist/main.js` on a free port and waits until /health/ready answers 200.
   * Returns { url, readyMs, name, pid } — readyMs from spawn to the first ready answer.
   */
  startApp(app, env, { name = app, nodeArgs = [], readyPath = '/health/ready' } = {}) {
    return this.startProcess(name, join(REPO, 'apps', app, 'dist/main.js'), env, { cwd: join(REPO, 'apps', app), nodeArgs, readyPath });
  }

  /** Any node script as a process of the fleet (the bare baseline, say), on a free PORT. */
  async startProcess(name, script, env, { cwd = REPO, nodeArgs = [], readyPath = '/health/ready' } = {}) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, script], {
      cwd,
      env: { ...process.env, ...this.commonEnv, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = [];
    child.stdout.on('data', (d) => log.push(String(d)));
    child.stderr.on('data', (d) => log.push(String(d)));
    const entry = { name, child, log, url };
    this.children.push(entry);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log.join('').slice(-3000)}`);
      const ok = await fetch(url + readyPath).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { url, readyMs: performance.now() - started, name, pid: child.pid };
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${name} was not ready within 90 s:\n${log.join('').slice(-3000)}`);
  }

  /** CPU time (user + system, ms) the kernel accounted to a child so far: a figure that load beside it does not inflate. */
  async cpuMs(name) {
    const entry = this.children.find((c) => c.name === name);
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${entry.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 1/100 s
  }

  /** Peak resident set size (kB) the kernel recorded for a child (VmHWM), or null. */
  async peakRssKb(name) {
    const entry = this.children.find((c) => c.name === name);
    if (!entry) return null;
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${entry.child.pid}/status`, 'utf8').catch(() => '');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : null;
  }

  async stop(name) {
    const entry = this.children.find((c) => c.name === name);
    // A child stopped by a signal has exitCode null and a signalCode: it is gone too.
    if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) return;
    const exited = new Promise((r) => entry.child.once('exit', r));
    entry.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill('SIGKILL');
  }

  logs(name) {
    return this.children.find((c) => c.name === name)?.log.join('') ?? '';
  }

  async close() {
    for (const c of [...this.children].reverse()) await this.stop(c.name);
    for (const db of this.databases) await adminQuery(`drop database if exists "${db}" with (force)`).catch(() => undefined);
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}
