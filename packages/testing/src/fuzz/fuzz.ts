import { NASTY_PATH_VALUES, NASTY_VALUES, Random, type BodyMutation, mutateBody } from './mutations.js';
import { type JsonSchema, sampleOf } from './schema-sample.js';

/**
 * Fuzzing every route of an app from its own OpenAPI document (issue #18): for each operation a
 * plausible baseline request, then random mutations of the body, path, query, headers and token.
 * The invariants checked on every response:
 *   1. never a 5xx;
 *   2. every 4xx is `application/problem+json` with type, title, status (= the HTTP status), detail;
 *   3. every 400 names at least one field (`errors[].field`), as does every 4xx that carries `errors`;
 *   4. no state change on any 4xx: the database's fingerprint (every row of every table, except the
 *      tables the caller names, e.g. an audit trail that records refusals) is the same before and after.
 * A run is reproduced from its seed (printed in the report).
 */

export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Already serialised; undefined = no body. */
  readonly body?: string;
  readonly label: string;
  readonly operation: string;
}

export interface FuzzResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

export type FuzzSender = (request: FuzzRequest) => Promise<FuzzResponse>;

/** A broken invariant, short enough to read in a test report (replay the whole request from the seed). */
export interface FuzzFailure {
  readonly operation: string;
  /** The request line, cut at 160 characters. */
  readonly request: string;
  /** What was mutated: token, parameters, body mutation. */
  readonly mutation: string;
  readonly status: number;
  readonly reason: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly requests: number;
  readonly operations: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly failures: readonly FuzzFailure[];
  /** 4xx responses after which the database was checked unchanged. */
  readonly stateChecks: number;
}

export interface FuzzOptions {
  /** The app's OpenAPI 3 document (GET /openapi.json). */
  readonly openapi: OpenApiDocument;
  readonly send: FuzzSender;
  /** Tokens to call with, by label; `undefined` calls without one. Include every role and "no token". */
  readonly tokens: Readonly<Record<string, string | undefined>>;
  /** How many requests in all (spread over the operations). */
  readonly requests: number;
  readonly seed: number;
  /** Returns a fingerprint of the app's state (see `databaseFingerprinter`). */
  readonly fingerprint: () => Promise<string>;
  /** Real values for path parameters by name (ids of existing things, incl. another company's), used half of the time. */
  readonly pathValues?: Readonly<Record<string, readonly string[]>>;
  /** Operations left out, as `METHOD /path/{param}` (e.g. the OpenAPI document itself). */
  readonly skip?: readonly string[];
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
}
interface OpenApiOperation {
  readonly operationId?: string;
  /** The roles the endpoint admits (@Endpoint access), so most cases get past the access check. */
  readonly 'x-hub-access'?: readonly string[] | string;
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly required?: boolean; readonly schema?: JsonSchema }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly name: string;
  readonly pathParams: readonly { name: string; schema?: JsonSchema }[];
  readonly queryParams: readonly { name: string; required: boolean; schema?: JsonSchema }[];
  readonly bodySchema?: JsonSchema;
  readonly access: readonly string[];
}

function operationsOf(doc: OpenApiDocument, skip: readonly string[]): Operation[] {
  const out: Operation[] = [];
  for (const [template, verbs] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(verbs)) {
      const name = `${verb.toUpperCase()} ${template}`;
      if (skip.includes(name)) continue;
      const params = op.parameters ?? [];
      out.push({
        method: verb.toUpperCase(),
        template,
        name,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, ...(p.schema ? { schema: p.schema } : {}) })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, ...(p.schema ? { schema: p.schema } : {}) })),
        access: Array.isArray(op['x-hub-access']) ? op['x-hub-access'] : [],
        ...(op.requestBody?.content?.['application/json']?.schema ? { bodySchema: op.requestBody.content['application/json'].schema } : {}),
      });
    }
  }
  return out;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null'));

function buildRequest(random: Random, op: Operation, options: FuzzOptions): FuzzRequest {
  // Two cases in three carry a token of a role the endpoint admits, so that they reach validation and
  // the handler; the rest carry any token or none (the access check itself).
  const admitted = Object.keys(options.tokens).filter((label) => op.access.includes(label));
  const tokenLabel = admitted.length > 0 && random.int(3) < 2 ? random.pick(admitted) : random.pick(Object.keys(options.tokens));
  const token = options.tokens[tokenLabel];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const labels: string[] = [`token=${tokenLabel}`];

  let path = op.template;
  for (const p of op.pathParams) {
    const known = options.pathValues?.[p.name];
    const value =
      known && known.length > 0 && random.int(2) === 0 ? random.pick(known) : random.int(3) === 0 ? asText(sampleOf(p.schema)) : random.pick(NASTY_PATH_VALUES);
    path = path.replace(`{${p.name}}`, value.includes('%') ? value : encodeURIComponent(value));
    labels.push(`${p.name}=${value.slice(0, 40)}`);
  }
  const query = new URLSearchParams();
  for (const q of op.queryParams) {
    const roll = random.int(4);
    if (roll === 0 && !q.required) continue;
    const value = roll === 1 ? random.pick(NASTY_VALUES) : sampleOf(q.schema);
    query.append(q.name, asText(value));
    if (roll === 1) labels.push(`query.${q.name} nasty`);
  }
  if (random.int(10) === 0) {
    query.append(random.pick(['page', '__proto__[x]', 'limit', 'sort']), asText(random.pick(NASTY_VALUES)));
    labels.push('extra query');
  }
  const qs = query.toString();
  if (random.int(25) === 0) {
    headers['x-fuzz-oversized'] = 'y'.repeat(random.pick([8_000, 40_000]));
    labels.push('oversized header');
  }
  if (random.int(30) === 0) {
    headers.authorization = random.pick(['Bearer ', 'Bearer not.a.jwt', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(5000)}`]);
    labels.push('broken authorization');
  }
  let body: string | undefined;
  if (op.bodySchema || random.int(20) === 0) {
    const mutation: BodyMutation = mutateBody(random, sampleOf(op.bodySchema), op.bodySchema);
    labels.push(mutation.label);
    if (mutation.kind === 'raw') {
      body = mutation.raw;
      headers['content-type'] = mutation.contentType;
    } else {
      body = JSON.stringify(mutation.value) ?? 'null';
      headers['content-type'] = 'application/json';
    }
  }
  return {
    method: op.method,
    path: qs ? `${path}?${qs}` : path,
    headers,
    ...(body !== undefined ? { body } : {}),
    label: labels.join(', '),
    operation: op.name,
  };
}

function problemDefects(res: FuzzResponse): string | undefined {
  if (!res.contentType.startsWith('application/problem+json')) return `a ${res.status} that is not problem+json (${res.contentType || 'no content type'})`;
  const p = res.body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown; errors?: unknown };
  if (p === null || typeof p !== 'object') return 'a problem+json whose body is not an object';
  for (const key of ['type', 'title', 'detail'] as const) if (typeof p[key] !== 'string') return `a problem without "${key}"`;
  if (p.status !== res.status) return `a problem whose status ${String(p.status)} is not the HTTP status`;
  if (res.status === 400 || p.errors !== undefined) {
    const errors = p.errors;
    if (!Array.isArray(errors) || errors.length === 0) return `a ${res.status} that names no field (no errors[])`;
    const unnamed: unknown = (errors as unknown[]).find((e) => {
      const field = (e as { field?: unknown } | null)?.field;
      return typeof field !== 'string' || field.length === 0;
    });
    if (unnamed) return `a ${res.status} with an error that names no field: ${JSON.stringify(unnamed)}`;
  }
  return undefined;
}

const failureOf = (request: FuzzRequest, status: number, reason: string): FuzzFailure => ({
  operation: request.operation,
  request: `${request.method} ${request.path}`.slice(0, 160),
  mutation: request.label.slice(0, 200),
  status,
  reason: reason.slice(0, 300),
});

/** Runs the fuzz campaign and returns the figures and every invariant broken (empty = all held). */
export async function fuzzRoutes(options: FuzzOptions): Promise<FuzzReport> {
  const random = new Random(options.seed);
  const operations = operationsOf(options.openapi, options.skip ?? []);
  if (operations.length === 0) throw new Error('fuzzRoutes: the OpenAPI document has no operations');
  const byStatus: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let stateChecks = 0;
  let before = await options.fingerprint();
  for (let i = 0; i < options.requests; i++) {
    const op = operations[i % operations.length] as Operation;
    const request = buildRequest(random, op, options);
    let response: FuzzResponse;
    try {
      response = await options.send(request);
    } catch (e) {
      failures.push(failureOf(request, 0, `the request failed: ${(e as Error).message}`));
      continue;
    }
    byStatus[String(response.status)] = (byStatus[String(response.status)] ?? 0) + 1;
    const fail = (reason: string): void => {
      failures.push(failureOf(request, response.status, reason));
    };
    if (response.status >= 500) fail(`a ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    if (response.status >= 400 && response.status < 500) {
      const defect = problemDefects(response);
      if (defect) fail(defect);
      const after = await options.fingerprint();
      stateChecks++;
      if (after !== before) fail('the state changed on a 4xx');
      before = after;
    } else {
      before = await options.fingerprint();
    }
  }
  return { seed: options.seed, requests: options.requests, operations: operations.length, byStatus, failures, stateChecks };
}

/** One line of figures for the log (`tools/hub fuzz` collects them). */
export function formatFuzzReport(app: string, report: FuzzReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const fiveXx = Object.entries(report.byStatus)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + c, 0);
  return `fuzz ${app}: ${report.requests} requests over ${report.operations} operations (seed ${report.seed}) · ${fiveXx} × 5xx · ${report.stateChecks} 4xx checked for state changes · ${report.failures.length} broken invariants · ${statuses}`;
}

/** The fuzz budget: HUB_FUZZ_REQUESTS (tools/hub fuzz sets thousands), else the bounded CI default. */
export const fuzzBudget = (fallback: number): number => {
  const raw = process.env.HUB_FUZZ_REQUESTS;
  const n = raw ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
/** The fuzz seed: HUB_FUZZ_SEED to replay a run, else a fresh one (printed in the report). */
export const fuzzSeed = (): number => {
  const raw = process.env.HUB_FUZZ_SEED;
  return raw ? Number.parseInt(raw, 10) : Math.floor(Math.random() * 2 ** 31);
};
