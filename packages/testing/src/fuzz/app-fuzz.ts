import type { TestApp } from '../app/start-test-app.js';
import {
  type FuzzReport,
  type FuzzRequest,
  type FuzzResponse,
  type FuzzSender,
  type OpenApiDocument,
  formatFuzzReport,
  fuzzBudget,
  fuzzRoutes,
  fuzzSeed,
} from './fuzz.js';

/**
 * A fingerprint of every row of every table of the app's database (bar the ones named): equal
 * fingerprints before and after a request mean the request changed nothing — the outbox, the inbox,
 * timers and every aggregate table included. The table list is read once (the schema does not change
 * during a run); each call is then one query.
 */
export function databaseFingerprinter(app: Pick<TestApp, 'sql'>, ignoreTables: readonly string[] = []): () => Promise<string> {
  let query: Promise<string | null> | undefined;
  const build = async (): Promise<string | null> => {
    const tables = await app.sql<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const watched = tables.filter((t) => !ignoreTables.includes(t.name) && t.name !== 'mikro_orm_migrations');
    if (watched.length === 0) return null;
    const parts = watched.map(
      (t) => `SELECT '${t.schema}.${t.name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.schema}"."${t.name}" x`,
    );
    return `SELECT md5(string_agg(t || ':' || h, ',' ORDER BY t)) AS fp FROM (${parts.join(' UNION ALL ')}) s`;
  };
  return async () => {
    query ??= build();
    const sql = await query;
    if (sql === null) return 'no tables';
    const [row] = await app.sql<{ fp: string }>(sql);
    return row?.fp ?? 'none';
  };
}

/** Sends fuzz requests to the app under test over its real HTTP server (supertest). */
export function testAppSender(app: TestApp): FuzzSender {
  return async (request: FuzzRequest): Promise<FuzzResponse> => {
    const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let call = app.http()[method](request.path);
    for (const [k, v] of Object.entries(request.headers)) call = call.set(k, v);
    if (request.body !== undefined) call = call.send(request.body);
    const res = await call.ok(() => true);
    const contentType = String(res.headers['content-type'] ?? '');
    let body: unknown = res.body;
    if (contentType.includes('json') && (body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0)) && res.text) {
      try {
        body = JSON.parse(res.text) as unknown;
      } catch {
        body = res.text;
      }
    }
    return { status: res.status, contentType, body };
  };
}

export interface FuzzTestAppOptions {
  /** The app's name in the printed figures. */
  readonly name: string;
  /** Every role of the platform (ROLES of @hub/contracts): each gets a token, plus "no token". */
  readonly roles: readonly string[];
  /** The company the applicant token acts for, and one whose data it must not reach (F-35). */
  readonly company: string;
  readonly otherCompany: string;
  readonly pathValues?: Readonly<Record<string, readonly string[]>>;
  /** Tables a refused request may legitimately write (none in a context; the gateway's audit trail). */
  readonly ignoreTables?: readonly string[];
  /** The bounded default for `tools/hub test`; HUB_FUZZ_REQUESTS overrides it. */
  readonly requests: number;
  readonly skip?: readonly string[];
}

/** Fuzzes every route of a TestApp (issue #18) and prints one line of figures. */
export async function fuzzTestApp(app: TestApp, options: FuzzTestAppOptions): Promise<FuzzReport> {
  const openapi = (await app.http().get('/openapi.json')).body as OpenApiDocument;
  const tokens: Record<string, string | undefined> = { none: undefined };
  for (const role of options.roles) tokens[role] = await app.token([role], role === 'applicant' ? [options.company] : [], `fuzz-${role}`);
  tokens['applicant-of-another-company'] = await app.token(['applicant'], [options.otherCompany], 'fuzz-other-applicant');
  const report = await fuzzRoutes({
    openapi,
    send: testAppSender(app),
    tokens,
    requests: fuzzBudget(options.requests),
    seed: fuzzSeed(),
    fingerprint: databaseFingerprinter(app, options.ignoreTables),
    ...(options.pathValues ? { pathValues: options.pathValues } : {}),
    skip: ['GET /openapi.json', ...(options.skip ?? [])],
  });
  process.stdout.write(`${formatFuzzReport(options.name, report)}\n`);
  return report;
}
