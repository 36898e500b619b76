import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@hub/contracts';
import {
  type FuzzRequest,
  type FuzzResponse,
  type OpenApiDocument,
  aCompany,
  databaseFingerprinter,
  formatFuzzReport,
  fuzzBudget,
  fuzzRoutes,
  fuzzSeed,
  testKafkaBrokers,
  uniqueName,
} from '@hub/testing';
import { ProcessFleet, REPO } from '../support/processes.js';

/** Bodies above this wait for an early answer to their headers before they are sent (see `send`). */
const EARLY_ANSWER_BODY_BYTES = 64 * 1024;
const EARLY_ANSWER_WAIT_MS = 250;

const run = promisify(execFile);

/**
 * Issue #18 — the gateway's routes fuzzed from its own merged OpenAPI document, as deployed: the
 * gateway, registration, participation and documents each their own process with their own database,
 * tokens from the development issuer. Every route the gateway serves for those contexts is fuzzed
 * through it — its own routes (composed views, deadlines board, audit trail) and the proxied ones —
 * with the invariants of `fuzzRoutes`: no 5xx, every 4xx a problem+json naming the field, no state
 * change on a 4xx in any of the four databases (the gateway's audit trail and rate-limit store aside:
 * they record refusals by design). Routes of contexts not started here are left out: a context that is
 * not running is 503 by design (proven in `gateway-process.e2e.spec.ts`). Bounded here;
 * `tools/hub fuzz` raises HUB_FUZZ_REQUESTS.
 */
const CONTEXTS = ['registration', 'participation', 'documents'] as const;

describe('fuzzing every route of the gateway, with the contexts behind it as processes (issue #18)', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('gwfuzz').replace(/_/g, '-')}.`;
  const pools: pg.Pool[] = [];
  let gateway: string;
  let fingerprints: (() => Promise<string>)[] = [];

  beforeAll(async () => {
    await run(process.execPath, [join(REPO, 'tools/dev-stack/create-topics.mjs')], {
      env: { ...process.env, HUB_KAFKA_BROKERS: testKafkaBrokers().join(','), HUB_KAFKA_TOPIC_PREFIX: topicPrefix },
    });
    await fleet.startIssuer();
    const common = {
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_KAFKA_TOPIC_PREFIX: topicPrefix,
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      HUB_RUN_WORKERS: 'false',
      // participation keeps F-42 data encrypted (ADR 0022): a key ring of this run only.
      HUB_PII_KEYS: `fuzz:${randomBytes(32).toString('base64')}`,
      HUB_PII_ACTIVE_KEY: 'fuzz',
    };
    const [gwDb, ...contextDbs] = await Promise.all([fleet.createDatabase('gateway'), ...CONTEXTS.map((c) => fleet.createDatabase(c))]);
    await Promise.all([fleet.migrate('admin-gateway', gwDb), ...CONTEXTS.map((c, i) => fleet.migrate(c, contextDbs[i]!))]);
    const urls = await Promise.all(CONTEXTS.map((c, i) => fleet.startApp(c, { ...common, DATABASE_URL: contextDbs[i]! })));
    const [registration, participation, documents] = urls;
    gateway = await fleet.startApp('admin-gateway', {
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      DATABASE_URL: gwDb,
      REGISTRATION_URL: registration!,
      PARTICIPATION_URL: participation!,
      HUB_GATEWAY_UPSTREAMS: JSON.stringify({ documents }),
      // The limits are proven in rate-limit.int.spec.ts; here every case must reach the routes.
      HUB_GATEWAY_RATE_PER_MINUTE: '1000000',
      HUB_GATEWAY_RATE_BURST: '1000000',
      HUB_GATEWAY_IP_RATE_PER_MINUTE: '1000000',
      HUB_GATEWAY_IP_RATE_BURST: '1000000',
    });
    fingerprints = [gwDb, ...contextDbs].map((url, i) => {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      pools.push(pool);
      const sql = async <T>(query: string, params: readonly unknown[] = []): Promise<T[]> => (await pool.query(query, [...params])).rows as T[];
      return databaseFingerprinter({ sql }, i === 0 ? ['gateway_audit_event', 'gateway_rate_limit'] : []);
    });
  }, 180_000);

  afterAll(async () => {
    if (process.env.HUB_FUZZ_GATEWAY_LOG) (await import('node:fs')).writeFileSync(process.env.HUB_FUZZ_GATEWAY_LOG, fleet.logs('admin-gateway'));
    for (const pool of pools) await pool.end();
    await fleet.close();
  }, 60_000);

  it('answers every mutated request without a 5xx, with problem+json naming the field, and changes no database on a 4xx', async () => {
    const merged = (await (await fetch(`${gateway}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    // The gateway's own access (x-hub-access) or its table's access for a proxied route (x-hub-gateway-access).
    const paths: OpenApiDocument['paths'] = Object.fromEntries(
      Object.entries(merged.paths)
        .filter(
          ([path]) =>
            !path.startsWith('/api/') || [...CONTEXTS, 'companies', 'deadlines', 'audit'].some((c) => path.startsWith(`/api/${c}/`) || path === `/api/${c}`),
        )
        .map(([path, verbs]) => [
          path,
          Object.fromEntries(
            Object.entries(verbs).map(([verb, op]) => [
              verb,
              { ...op, 'x-hub-access': (op['x-hub-access'] ?? op['x-hub-gateway-access']) as string | readonly string[] | undefined },
            ]),
          ),
        ]),
    );
    const company = aCompany().bin;
    const tokens: Record<string, string | undefined> = { none: undefined };
    for (const role of ROLES) tokens[role] = await fleet.token(`fuzz-${role}`, [role], role === 'applicant' ? [company] : []);
    tokens['applicant-of-another-company'] = await fleet.token('fuzz-other-applicant', ['applicant'], [aCompany().bin]);

    // node:http, not fetch: a mutated GET may carry a body, which fetch refuses to send.
    // An oversized body is refused from its Content-Length (413) before it is read, and the connection
    // closed: a client still writing it then fails with EPIPE and may never read the answer (a run
    // failed so, "status 0"). So a large body waits until the headers had time to be answered, as a
    // client honouring an early response would; a small one is sent at once.
    const send = (request: FuzzRequest): Promise<FuzzResponse> =>
      new Promise<FuzzResponse>((resolve, reject) => {
        let answered = false;
        const large = request.body !== undefined && Buffer.byteLength(request.body) > EARLY_ANSWER_BODY_BYTES;
        // The length up front (Node computes it only when the body comes with the headers).
        const headers = large ? { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) } : request.headers;
        const req = httpRequest(`${gateway}${request.path}`, { method: request.method, headers }, (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const contentType = String(res.headers['content-type'] ?? '');
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            if (contentType.includes('json')) {
              try {
                body = JSON.parse(text) as unknown;
              } catch {
                body = text;
              }
            }
            resolve({ status: res.statusCode ?? 0, contentType, body });
            if (!req.writableEnded) req.destroy(); // answered before its body was sent: nothing more to send
          });
        });
        req.on('error', (e) => {
          if (!answered) reject(e);
        });
        if (large) {
          req.flushHeaders();
          setTimeout(() => {
            if (!answered) req.end(request.body);
          }, EARLY_ANSWER_WAIT_MS);
        } else req.end(request.body);
      });

    const report = await fuzzRoutes({
      openapi: { paths },
      send,
      tokens,
      requests: fuzzBudget(400),
      seed: fuzzSeed(),
      fingerprint: async () => (await Promise.all(fingerprints.map((f) => f()))).join('/'),
      pathValues: { bin: [company] },
      skip: ['GET /api/openapi.json'],
    });
    process.stdout.write(`${formatFuzzReport('admin-gateway', report)}\n`);
    if (report.failures.length > 0) {
      for (const f of report.failures) process.stdout.write(`fuzz failure: ${JSON.stringify(f)}\n`);
      process.stdout.write(`--- gateway log ---\n${fleet.logs('admin-gateway').slice(-6000)}\n`);
    }
    expect(report.operations).toBeGreaterThan(30);
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.stateChecks).toBeGreaterThan(report.requests / 4);
  });
});
