import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { Counter, Gauge } from 'prom-client';
import { HUB_CONFIG, HUB_LOGGER, MetricsRegistry } from '@hub/nest-commons';
import type { GatewayConfig } from '../config.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';

/** Why a context could not answer; the gateway answers the caller with `status` (problem+json). */
export class UpstreamFailure extends Error {
  constructor(
    readonly upstream: string,
    readonly status: 502 | 503 | 504,
    readonly reason: 'not-configured' | 'unreachable' | 'timeout' | 'bad-gateway' | 'circuit-open',
    detail: string,
    /** Set when the circuit is open: how long the caller should wait (the `Retry-After` header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'UpstreamFailure';
  }

  toProblem(instance: string, correlationId: string | undefined): Record<string, unknown> {
    const titles = { 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout' } as const;
    return {
      type: `https://hub.astanahub.kz/problems/upstream-${this.reason}`,
      title: titles[this.status],
      status: this.status,
      detail: this.message,
      code: `gateway.upstream.${this.reason}`,
      upstream: this.upstream,
      instance,
      ...(correlationId ? { correlationId } : {}),
    };
  }
}

export interface UpstreamRequest {
  readonly method: string;
  /** Path and query on the context, e.g. `/applications?page=2`. */
  readonly pathAndQuery: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer | string;
  readonly timeoutMs: number;
}

export interface UpstreamResponse {
  readonly status: number;
  /** The context's response headers, looked up by (any-case) name; `null` when absent. */
  readonly headers: ResponseHeaders;
  readonly body: Buffer;
}

/** The one thing the gateway asks of a context's response headers (the shape of the WHATWG `Headers.get`). */
export interface ResponseHeaders {
  get(name: string): string | null;
}

/** Node's parsed response headers (lower-case names; a repeated header other than set-cookie comes joined with ", "). */
class NodeResponseHeaders implements ResponseHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}

  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
}

/** The deadline of one exchange passed (connecting, waiting, or reading the body). */
class UpstreamTimeout extends Error {
  override readonly name = 'TimeoutError';
}

const DOWN_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Issue #17 (ADR 0134): calls go through node:http with a keep-alive agent per scheme, not `fetch`
 * (undici's WHATWG layer — Request/Response objects, web streams, Headers — cost the gateway about
 * twice the client CPU per call; the bytes are read whole anyway). Connections to a context are kept
 * open and reused.
 *
 * ADR 0148: an idle connection is closed by the gateway after `idleMs` — and a second before a
 * context's `Keep-Alive: timeout=` hint if that is shorter. Node's agent honours the hint only when it
 * has a `timeout` of its own: without one (as before) idle connections were kept for ever, the context
 * closed them after its 5 s, and a command sent on one just as it closed was reset (a 502 for a POST,
 * which is never resent).
 */
const agentOptions = (idleMs: number): http.AgentOptions => ({
  keepAlive: true,
  keepAliveMsecs: 1_000,
  maxSockets: 256,
  maxFreeSockets: 64,
  scheduling: 'lifo',
  timeout: idleMs,
});

/** Issue #18: only idempotent reads are ever sent twice; a command (POST, PUT, PATCH, DELETE) is sent once. */
const IDEMPOTENT_READS = new Set(['GET', 'HEAD']);

const STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The contexts the gateway talks to: name → base URL from configuration (REGISTRATION_URL,
 * PARTICIPATION_URL, HUB_GATEWAY_UPSTREAMS). Each call has a deadline; a context that is down,
 * slow or broken becomes an UpstreamFailure (503 / 504 / 502) — never a crash of the gateway.
 *
 * Issue #18 (ADR 0043, amendment 2026-12-06): a circuit breaker per context (circuit-breaker.ts) —
 * after HUB_GATEWAY_BREAKER_FAILURES consecutive transport failures (refused, reset, timed out) calls
 * fail fast with 503 `circuit-open` and `Retry-After` for HUB_GATEWAY_BREAKER_OPEN_MS, then one probe
 * decides. A context's own answers, 5xx included, are answers and do not trip it. Retries: a GET/HEAD
 * whose connection was refused or broken is tried again up to HUB_GATEWAY_READ_RETRIES times within
 * the same deadline (never after a timeout: the deadline is spent); any other method is never retried.
 */
@Injectable()
export class UpstreamClient implements OnModuleDestroy {
  private readonly bases: ReadonlyMap<string, string>;
  /** ADR 0143: each base parsed once into request options (host, port, path prefix), not once per call. */
  private readonly targets: ReadonlyMap<string, Target>;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly circuitGauge?: Gauge<'upstream'>;
  private readonly retries?: Counter<'upstream'>;
  private readonly rejected?: Counter<'upstream'>;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Optional() @Inject(MetricsRegistry) metrics?: MetricsRegistry,
    @Optional() @Inject(HUB_LOGGER) private readonly logger?: Logger,
  ) {
    const entries: [string, string | undefined][] = [
      ['registration', config.REGISTRATION_URL],
      ['participation', config.PARTICIPATION_URL],
      ...Object.entries(config.HUB_GATEWAY_UPSTREAMS),
    ];
    this.bases = new Map(entries.filter((e): e is [string, string] => !!e[1]).map(([n, u]) => [n, u.replace(/\/+$/, '')]));
    this.targets = new Map([...this.bases].map(([n, u]) => [n, targetOf(u)]));
    this.httpAgent = new http.Agent(agentOptions(config.HUB_GATEWAY_UPSTREAM_IDLE_MS));
    this.httpsAgent = new https.Agent(agentOptions(config.HUB_GATEWAY_UPSTREAM_IDLE_MS));
    if (metrics) {
      const breakers = this.breakers;
      this.circuitGauge = new Gauge({
        name: 'hub_gateway_upstream_circuit_state',
        help: "The gateway's circuit towards each context: 0 closed, 1 half-open, 2 open",
        labelNames: ['upstream'],
        registers: [metrics],
        collect() {
          for (const [name, b] of breakers) this.set({ upstream: name }, STATE_VALUE[b.state]);
        },
      });
      this.retries = new Counter({
        name: 'hub_gateway_upstream_retries_total',
        help: 'Idempotent reads sent to a context again after a refused or broken connection',
        labelNames: ['upstream'],
        registers: [metrics],
      });
      this.rejected = new Counter({
        name: 'hub_gateway_upstream_circuit_rejected_total',
        help: 'Calls answered 503 at once because the circuit towards the context was open',
        labelNames: ['upstream'],
        registers: [metrics],
      });
    }
  }

  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  names(): string[] {
    return [...this.bases.keys()];
  }

  isConfigured(name: string): boolean {
    return this.bases.has(name);
  }

  /** The circuit's state towards a context (closed for one never called). */
  circuitState(upstream: string): CircuitState {
    return this.breakers.get(upstream)?.state ?? 'closed';
  }

  async call(upstream: string, req: UpstreamRequest): Promise<UpstreamResponse> {
    const base = this.targets.get(upstream);
    if (!base) throw new UpstreamFailure(upstream, 503, 'not-configured', `the ${upstream} context is not configured on this gateway`);
    const breaker = this.breakerOf(upstream);
    const retriesAllowed = IDEMPOTENT_READS.has(req.method.toUpperCase()) ? this.config.HUB_GATEWAY_READ_RETRIES : 0;
    const deadline = performance.now() + req.timeoutMs;
    let last: UpstreamFailure | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const admission = breaker.admit();
      if (!admission.admitted) {
        if (last) throw last; // a retry the open circuit refuses: the caller hears what really happened
        this.rejected?.inc({ upstream });
        const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
        throw new UpstreamFailure(
          upstream,
          503,
          'circuit-open',
          `the ${upstream} context is failing, so the gateway is not calling it for now; try again in ${seconds} s`,
          seconds,
        );
      }
      try {
        const res = await this.once(upstream, base, req, Math.max(1, Math.round(deadline - performance.now())));
        breaker.success();
        return res;
      } catch (e) {
        breaker.failure();
        if (!(e instanceof UpstreamFailure)) throw e;
        last = e;
        const backoff = this.config.HUB_GATEWAY_RETRY_BACKOFF_MS * (attempt + 1);
        const retryable = e.reason === 'unreachable' || e.reason === 'bad-gateway';
        if (attempt >= retriesAllowed || !retryable || deadline - performance.now() <= backoff + 50) throw e;
        this.retries?.inc({ upstream });
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  private breakerOf(upstream: string): CircuitBreaker {
    let b = this.breakers.get(upstream);
    if (!b) {
      b = new CircuitBreaker({
        failureThreshold: this.config.HUB_GATEWAY_BREAKER_FAILURES,
        openMs: this.config.HUB_GATEWAY_BREAKER_OPEN_MS,
        onChange: (state) => {
          this.circuitGauge?.set({ upstream }, STATE_VALUE[state]);
          if (state === 'closed') this.logger?.info({ upstream, circuit: state }, `the circuit towards ${upstream} is closed again`);
          else this.logger?.warn({ upstream, circuit: state }, `the circuit towards ${upstream} is ${state}`);
        },
      });
      this.breakers.set(upstream, b);
    }
    return b;
  }

  /** One HTTP exchange with the context, in its own CLIENT span. */
  private async once(upstream: string, base: Target, req: UpstreamRequest, timeoutMs: number): Promise<UpstreamResponse> {
    // ADR 0102: a CLIENT span per call; its `traceparent` makes the context's SERVER span its child.
    const span = trace.getTracer('@hub/admin-gateway').startSpan(`${req.method} ${upstream}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': req.method, 'server.address': upstream, 'url.path': pathOnly(req.pathAndQuery) },
    });
    const headers: Record<string, string> = { ...req.headers };
    propagation.inject(trace.setSpan(context.active(), span), headers);
    try {
      const res = await this.exchange(
        base,
        req.pathAndQuery,
        req.method,
        headers,
        req.method !== 'GET' && req.method !== 'HEAD' ? req.body : undefined,
        timeoutMs,
      );
      span.setAttribute('http.response.status_code', res.status);
      if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return res;
    } catch (e) {
      const failure = classify(upstream, e, req.timeoutMs);
      span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
      throw failure;
    } finally {
      span.end();
    }
  }

  /** One request on a kept-alive connection; the whole exchange (connect, answer, body) within `timeoutMs`. */
  private exchange(
    target: Target,
    pathAndQuery: string,
    method: string,
    headers: Record<string, string>,
    body: Buffer | string | undefined,
    timeoutMs: number,
  ): Promise<UpstreamResponse> {
    return new Promise<UpstreamResponse>((resolve, reject) => {
      const secure = target.secure;
      const options: http.RequestOptions = {
        ...target.options,
        path: `${target.prefix}${pathAndQuery}`,
        method,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
      };
      const request = (secure ? https : http).request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 502, headers: new NodeResponseHeaders(res.headers), body: Buffer.concat(chunks) });
        });
        res.on('error', fail); // a connection closed mid-answer: ECONNRESET ("aborted")
      });
      let timedOut: UpstreamTimeout | undefined;
      function fail(e: Error) {
        clearTimeout(timer);
        // the deadline destroyed the exchange: whichever side reports it (request, or the answer being read) it is a timeout
        reject(timedOut ?? e);
      }
      const timer = setTimeout(() => {
        timedOut = new UpstreamTimeout(`no answer within ${timeoutMs} ms`);
        request.destroy(timedOut);
      }, timeoutMs);
      request.on('error', fail);
      request.end(body);
    });
  }

  /** GET a JSON document from a context (composed views); a non-2xx answer is returned, not thrown. */
  async getJson(upstream: string, pathAndQuery: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: unknown }> {
    const res = await this.call(upstream, { method: 'GET', pathAndQuery, headers: { ...headers, accept: 'application/json' }, timeoutMs });
    let body: unknown;
    try {
      body = res.body.length ? JSON.parse(res.body.toString('utf8')) : undefined;
    } catch {
      throw new UpstreamFailure(upstream, 502, 'bad-gateway', `the ${upstream} context answered ${res.status} with a body that is not JSON`);
    }
    return { status: res.status, body };
  }
}

function classify(upstream: string, e: unknown, timeoutMs: number): UpstreamFailure {
  const err = e as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e instanceof UpstreamTimeout || err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError') {
    return new UpstreamFailure(upstream, 504, 'timeout', `the ${upstream} context did not answer within ${timeoutMs} ms`);
  }
  const code = err?.code ?? err?.cause?.code;
  if (code && DOWN_CODES.has(code))
    return new UpstreamFailure(upstream, 503, 'unreachable', `the ${upstream} context is unreachable (${code}); try again later`);
  return new UpstreamFailure(upstream, 502, 'bad-gateway', `the ${upstream} context failed to answer (${code ?? (e as Error)?.message ?? 'unknown error'})`);
}

/** A context's base URL as request options, parsed once (ADR 0143). */
interface Target {
  readonly secure: boolean;
  /** protocol, hostname (IPv6 without brackets), port, and credentials if the base has them. */
  readonly options: Readonly<http.RequestOptions>;
  /** The base's own path ('' for a bare origin), put before every path and query. */
  readonly prefix: string;
}

function targetOf(base: string): Target {
  const url = new URL(base);
  const o = urlToHttpOptions(url);
  const options: http.RequestOptions = {
    protocol: o.protocol ?? null,
    hostname: o.hostname ?? null,
    ...(o.port ? { port: o.port } : {}),
    ...(o.auth ? { auth: o.auth } : {}),
  };
  return { secure: url.protocol === 'https:', options, prefix: url.pathname === '/' ? '' : url.pathname };
}

/** The path of `path?query`. */
function pathOnly(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  return q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
}
