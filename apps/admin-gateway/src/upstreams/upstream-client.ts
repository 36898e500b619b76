import { Inject, Injectable } from '@nestjs/common';
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { GatewayConfig } from '../config.js';

/** Why a context could not answer; the gateway answers the caller with `status` (problem+json). */
export class UpstreamFailure extends Error {
  constructor(
    readonly upstream: string,
    readonly status: 502 | 503 | 504,
    readonly reason: 'not-configured' | 'unreachable' | 'timeout' | 'bad-gateway',
    detail: string,
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
  readonly headers: Headers;
  readonly body: Buffer;
}

const DOWN_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The contexts the gateway talks to: name → base URL from configuration (REGISTRATION_URL,
 * PARTICIPATION_URL, HUB_GATEWAY_UPSTREAMS). Each call has a deadline; a context that is down,
 * slow or broken becomes an UpstreamFailure (503 / 504 / 502) — never a crash of the gateway.
 */
@Injectable()
export class UpstreamClient {
  private readonly bases: ReadonlyMap<string, string>;

  constructor(@Inject(HUB_CONFIG) config: GatewayConfig) {
    const entries: [string, string | undefined][] = [
      ['registration', config.REGISTRATION_URL],
      ['participation', config.PARTICIPATION_URL],
      ...Object.entries(config.HUB_GATEWAY_UPSTREAMS),
    ];
    this.bases = new Map(entries.filter((e): e is [string, string] => !!e[1]).map(([n, u]) => [n, u.replace(/\/+$/, '')]));
  }

  names(): string[] {
    return [...this.bases.keys()];
  }

  isConfigured(name: string): boolean {
    return this.bases.has(name);
  }

  async call(upstream: string, req: UpstreamRequest): Promise<UpstreamResponse> {
    const base = this.bases.get(upstream);
    if (!base) throw new UpstreamFailure(upstream, 503, 'not-configured', `the ${upstream} context is not configured on this gateway`);
    // ADR 0102: a CLIENT span per call; its `traceparent` makes the context's SERVER span its child.
    const span = trace.getTracer('@hub/admin-gateway').startSpan(`${req.method} ${upstream}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': req.method, 'server.address': upstream, 'url.path': req.pathAndQuery.split('?')[0] ?? '' },
    });
    const headers = { ...req.headers };
    propagation.inject(trace.setSpan(context.active(), span), headers);
    let res: Response;
    try {
      res = await fetch(`${base}${req.pathAndQuery}`, {
        method: req.method,
        headers,
        ...(req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD' ? { body: req.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(req.timeoutMs),
      });
      const body = Buffer.from(await res.arrayBuffer());
      span.setAttribute('http.response.status_code', res.status);
      if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return { status: res.status, headers: res.headers, body };
    } catch (e) {
      const failure = classify(upstream, e, req.timeoutMs);
      span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
      throw failure;
    } finally {
      span.end();
    }
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
  const err = e as { name?: string; cause?: { code?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError') {
    return new UpstreamFailure(upstream, 504, 'timeout', `the ${upstream} context did not answer within ${timeoutMs} ms`);
  }
  const code = err?.cause?.code;
  if (code && DOWN_CODES.has(code))
    return new UpstreamFailure(upstream, 503, 'unreachable', `the ${upstream} context is unreachable (${code}); try again later`);
  return new UpstreamFailure(upstream, 502, 'bad-gateway', `the ${upstream} context failed to answer (${code ?? (e as Error)?.message ?? 'unknown error'})`);
}
