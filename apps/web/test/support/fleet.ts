import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { S3ObjectStorage } from '@hub/object-storage';
import { reservePort, testKafkaBrokers, testPgUrl, uniqueName } from '@hub/testing';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '../../../..');
export const WEB = resolve(import.meta.dirname, '../..');

/** A free loopback port, reserved across test processes until this one exits (`reservePort`, @hub/testing). */
export async function freePort(): Promise<number> {
  return reservePort();
}

export interface FleetUrls {
  readonly web: string;
  readonly gateway: string;
  readonly issuer: string;
  readonly registration: string;
  readonly participation: string;
  readonly notifications: string;
  readonly services: string;
  readonly training: string;
  readonly clusters: string;
  readonly documents: string;
  readonly housing: string;
}

/**
 * The platform the browser tests drive, every part its own OS process as deployed: the dev issuer
 * (authorization code + PKCE), registration (migrated and seeded with the demo companies of its
 * seed), participation, the admin gateway, and the web app's own server (static build + same-origin
 * /api proxy), notifications (the bell's inbox), services, training, clusters and housing (their screens), and documents
 * (F-9 uploads: presigned PUTs from the browser to the real local S3 server, a bucket of this run's own). Own databases and Kafka topic prefix per run;
 * `close()` stops everything and drops the databases. Registration and notifications run their
 * workers (outbox → Kafka → notifications' consumer: an officer's remarks become the applicant's
 * unread message); participation runs its workers too (it learns the verified documents an answer names).
 */
export class WebFleet {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'hub-web-e2e-'));
  private readonly children: { name: string; child: ChildProcess; log: string[] }[] = [];
  private readonly databases: string[] = [];
  private storage: S3ObjectStorage | null = null;
  /** This run's Kafka topic prefix (a browser test announces a participant on participation's topic with it). */
  topicPrefix = '';

  async start(options: { web?: boolean } = {}): Promise<FleetUrls> {
    const issuerPort = await freePort();
    const issuer = `http://127.0.0.1:${issuerPort}`;
    const auth = { HUB_AUTH_ISSUER: issuer, HUB_AUTH_JWKS_URL: `${issuer}/jwks.json` };
    const issuerStarted = this.spawn(
      'dev-issuer',
      [join(REPO, 'tools/dev-issuer/server.mjs')],
      { HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: issuer, HUB_DEV_ISSUER_PORT: String(issuerPort) },
      `${issuer}/jwks.json`,
    );
    const [regDb, partDb, gwDb, notDb, svcDb, trnDb, cluDb, docDb, houDb] = await Promise.all([
      this.createDatabase('registration'),
      this.createDatabase('participation'),
      this.createDatabase('gateway'),
      this.createDatabase('notifications'),
      this.createDatabase('services'),
      this.createDatabase('training'),
      this.createDatabase('clusters'),
      this.createDatabase('documents'),
      this.createDatabase('housing'),
    ]);
    await Promise.all([
      this.migrate('registration', regDb),
      this.migrate('participation', partDb),
      this.migrate('admin-gateway', gwDb),
      this.migrate('notifications', notDb),
      this.migrate('services', svcDb),
      this.migrate('training', trnDb),
      this.migrate('clusters', cluDb),
      this.migrate('documents', docDb),
      this.migrate('housing', houDb),
    ]);
    const pii = { HUB_PII_KEYS: `e2e:${randomBytes(32).toString('base64')}`, HUB_PII_ACTIVE_KEY: 'e2e' };
    // ADR 0110: the Fund's own BIN (configuration), owner of a dwelling act's scan — documents and housing share it
    const fund = { HUB_FUND_BIN: '000000000000' };
    const messaging = {
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_KAFKA_TOPIC_PREFIX: `t.web-${process.pid}-${Date.now().toString(36)}.`,
      HUB_RUN_WORKERS: 'false',
    };
    this.topicPrefix = messaging.HUB_KAFKA_TOPIC_PREFIX;
    // this run's own topics (t.* — tools/dev-stack prunes them): registration publishes, notifications consumes
    const topics = run(process.execPath, [join(REPO, 'tools/dev-stack/create-topics.mjs')], { env: { ...process.env, ...messaging } });
    // registration's demo data: listed participants with certificates, applications in every state
    await run(process.execPath, [join(REPO, 'apps/registration/dist/cli/seed.js')], {
      cwd: join(REPO, 'apps/registration'),
      env: { ...process.env, ...messaging, DATABASE_URL: regDb, HUB_LOG_LEVEL: 'warn' },
    });
    // participation's demo participants (fees awaiting declaration, reports due: the participant's screens)
    await run(process.execPath, [join(REPO, 'apps/participation/dist/cli/seed.js')], {
      cwd: join(REPO, 'apps/participation'),
      env: { ...process.env, ...auth, ...messaging, ...pii, PORT: '3999', DATABASE_URL: partDb, HUB_LOG_LEVEL: 'warn' },
    });
    // clusters under the demonstration rule set as data, as `tools/hub up` runs it (ADR 0085): its seed runs the
    // real handlers on a controlled clock — a round with published results, one before the Commission, one open
    const clustersDemo = { CLUSTERS_RULE_SETS_FILE: join(REPO, 'apps/clusters/data/cluster-selection-rules.demo.json') };
    // services' catalogue with price lists and calls, training's announced intake, clusters' rounds (the screens of issues #12, #13, #15)
    for (const [app, db] of [
      ['services', svcDb],
      ['training', trnDb],
      ['clusters', cluDb],
      ['housing', houDb], // issue #14: a building with dwellings and premises, two people in acceleration asking, one offered a bed
    ] as const)
      await run(process.execPath, [join(REPO, 'apps', app, 'dist/cli/seed.js')], {
        cwd: join(REPO, 'apps', app),
        env: { ...process.env, ...auth, ...messaging, ...pii, ...(app === 'clusters' ? clustersDemo : {}), DATABASE_URL: db, HUB_LOG_LEVEL: 'warn' },
      });
    // documents' bucket on the real S3 server of the dev stack (S3Mock answers the browser's CORS preflight)
    const s3 = { HUB_S3_ENDPOINT: process.env.HUB_S3_ENDPOINT ?? 'http://127.0.0.1:9090', HUB_S3_BUCKET: `t-web-${process.pid}-${Date.now().toString(36)}` };
    this.storage = new S3ObjectStorage({ endpoint: s3.HUB_S3_ENDPOINT, bucket: s3.HUB_S3_BUCKET });
    await this.storage.ensureBucket();
    await Promise.all([issuerStarted, topics]);
    const workers = { ...messaging, HUB_RUN_WORKERS: 'true' };
    // The gateway's port is chosen first: registration archives the certificates it issues through it
    // (F-18, ADR 0106) as its own service client, as tools/hub up configures it — without these its
    // archive timers retried in the background of every browser test.
    const gatewayPort = await freePort();
    const { stdout: registrationSecret } = await run(process.execPath, [join(REPO, 'tools/dev-issuer/token.mjs'), '--client-secret', 'hub-registration'], {
      env: { ...process.env, HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: issuer },
    });
    const registrationArchive = {
      REGISTRATION_DOCUMENTS_URL: `http://127.0.0.1:${gatewayPort}/api/documents`,
      HUB_SERVICE_AUTH_URL: `${issuer}/token`,
      HUB_SERVICE_CLIENT_ID: 'hub-registration',
      HUB_SERVICE_CLIENT_SECRET: registrationSecret.trim(),
    };
    // Services archives the invoice PDFs it issues (F-55, ADR 0109) through the gateway as its own service client,
    // as tools/hub up configures it: with its workers, its archive timers run and /my/invoices offers the PDF (ADR 0115).
    const { stdout: servicesSecret } = await run(process.execPath, [join(REPO, 'tools/dev-issuer/token.mjs'), '--client-secret', 'hub-services'], {
      env: { ...process.env, HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: issuer },
    });
    const servicesArchive = {
      SERVICES_DOCUMENTS_URL: `http://127.0.0.1:${gatewayPort}/api/documents`,
      HUB_SERVICE_AUTH_URL: `${issuer}/token`,
      HUB_SERVICE_CLIENT_ID: 'hub-services',
      HUB_SERVICE_CLIENT_SECRET: servicesSecret.trim(),
      HUB_TIMER_POLL_MS: '300',
    };
    // Participation archives each edition of the F-41 analytics it generates (ADR 0132) through the gateway as its own
    // service client, as tools/hub up configures it: the staff analytics page shows the archived document and its hash.
    const { stdout: participationSecret } = await run(process.execPath, [join(REPO, 'tools/dev-issuer/token.mjs'), '--client-secret', 'hub-participation'], {
      env: { ...process.env, HUB_STATE_DIR: this.stateDir, HUB_DEV_ISSUER_URL: issuer },
    });
    const participationArchive = {
      PARTICIPATION_DOCUMENTS_URL: `http://127.0.0.1:${gatewayPort}/api/documents`,
      HUB_SERVICE_AUTH_URL: `${issuer}/token`,
      HUB_SERVICE_CLIENT_ID: 'hub-participation',
      HUB_SERVICE_CLIENT_SECRET: participationSecret.trim(),
    };
    const [registration, participation, notifications, services, training, clusters, documents, housing] = await Promise.all([
      this.startApp('registration', { ...auth, ...workers, ...registrationArchive, DATABASE_URL: regDb }),
      // with workers: a verified upload reaches participation (documents.document-verified) before an answer names it (F-32, F-38)
      this.startApp('participation', { ...auth, ...workers, ...pii, ...participationArchive, DATABASE_URL: partDb }),
      // No SMTP server at :9 and one attempt: an e-mail is a dead letter at once (the staff message log's screen, ADR 0104 §3).
      this.startApp('notifications', {
        ...auth,
        ...workers,
        DATABASE_URL: notDb,
        NOTIFICATIONS_SMTP_URL: 'smtp://127.0.0.1:9',
        NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS: '1',
      }),
      // with workers: its timers archive the invoice PDFs in documents (ADR 0109) and its outbox reaches Kafka
      this.startApp('services', { ...auth, ...workers, ...pii, ...servicesArchive, DATABASE_URL: svcDb }),
      // training with workers: it learns participants from participation's topic (F-77), as deployed
      this.startApp('training', { ...auth, ...workers, ...pii, DATABASE_URL: trnDb }),
      // with workers: clusters learns the offices' verified uploads (documents.office-document-verified, ADR 0113)
      this.startApp('clusters', { ...auth, ...workers, ...clustersDemo, DATABASE_URL: cluDb }),
      // with workers: a verified upload reaches registration (documents.document-verified) before the filing names it
      this.startApp('documents', { ...auth, ...workers, ...s3, ...fund, DATABASE_URL: docDb }),
      // with workers: housing learns registration's participants from Kafka (premises are for participants, F-57)
      this.startApp('housing', { ...auth, ...workers, ...pii, ...fund, DATABASE_URL: houDb }),
    ]);
    const gateway = await this.startApp(
      'admin-gateway',
      {
        ...auth,
        DATABASE_URL: gwDb,
        REGISTRATION_URL: registration,
        PARTICIPATION_URL: participation,
        HUB_GATEWAY_UPSTREAMS: JSON.stringify({ notifications, services, training, clusters, documents, housing }),
      },
      gatewayPort,
    );
    const webPort = await freePort();
    const web = `http://127.0.0.1:${webPort}`;
    const urls = { gateway, issuer, registration, participation, notifications, services, training, clusters, documents, housing };
    if (options.web === false) return { web: '', ...urls };
    await this.spawn(
      'web',
      [join(WEB, 'server.mjs')],
      { PORT: String(webPort), HUB_WEB_GATEWAY_URL: gateway, HUB_WEB_ISSUER_URL: issuer, HUB_WEB_UPLOAD_ORIGINS: s3.HUB_S3_ENDPOINT },
      `${web}/healthz`,
      WEB,
    );
    return { web, ...urls };
  }

  logs(name: string): string {
    return this.children.find((c) => c.name === name)?.log.join('') ?? '';
  }

  async close(): Promise<void> {
    for (const { child } of [...this.children].reverse()) {
      if (child.exitCode !== null) continue;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (this.storage) {
      await this.storage.dropBucket().catch(() => undefined);
      this.storage.close();
    }
    for (const db of this.databases) await admin((c) => c.query(`drop database if exists "${db}" with (force)`)).catch(() => undefined);
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  private async createDatabase(prefix: string): Promise<string> {
    const name = uniqueName(`hub_web_${prefix}`);
    await admin((c) => c.query(`create database "${name}"`));
    this.databases.push(name);
    return `${testPgUrl()}/${name}`;
  }

  private async migrate(app: string, databaseUrl: string): Promise<void> {
    await run(process.execPath, [join(REPO, 'apps', app, 'dist/cli/migrate.js'), 'up'], {
      cwd: join(REPO, 'apps', app),
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  }

  private async startApp(app: string, env: Record<string, string>, chosenPort?: number): Promise<string> {
    const port = chosenPort ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    await this.spawn(
      app,
      [join(REPO, 'apps', app, 'dist/main.js')],
      { HUB_LOG_LEVEL: 'warn', ...env, PORT: String(port) },
      `${url}/health/ready`,
      join(REPO, 'apps', app),
    );
    return url;
  }

  private async spawn(name: string, args: string[], env: Record<string, string>, readyUrl: string, cwd = REPO): Promise<void> {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    child.stdout?.on('data', (d: Buffer) => log.push(String(d)));
    child.stderr?.on('data', (d: Buffer) => log.push(String(d)));
    this.children.push({ name, child, log });
    const deadline = Date.now() + 120_000; // seven apps start at once on a shared 2-core machine
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log.join('').slice(-4000)}`);
      const ok = await fetch(readyUrl).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${name} did not come up within 120 s:\n${log.join('').slice(-4000)}`);
  }
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
