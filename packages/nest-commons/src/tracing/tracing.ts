import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import type { NextFunction, Request, Response } from 'express';
import { HUB_CONFIG, type HttpConfig } from '../config/config.js';
import { HUB_APP_INFO, type HubAppInfo } from '../openapi/app-info.js';

/**
 * Distributed traces (ADR 0102, issue #19): the OpenTelemetry SDK, registered once per process.
 * Spans are exported over OTLP/HTTP when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_ENDPOINT`, to which `/v1/traces` is added) is configured; otherwise nothing
 * is registered and every tracing call in the platform is the API's no-op — the development stack
 * and the test suites run exactly as before. Tests register an in-memory exporter with
 * `startTracing({ serviceName, exporter, simple: true })`.
 */
export interface TracingOptions {
  readonly serviceName: string;
  readonly exporter: SpanExporter;
  /** Export each span when it ends (tests) instead of in batches (production). */
  readonly simple?: boolean;
}

export interface HubTracing {
  readonly provider: TracerProvider;
  shutdown(): Promise<void>;
}

let active: HubTracing | undefined;

/** Registers the SDK globally: W3C trace-context propagation, async-local context, the exporter. Idempotent. */
export function startTracing(options: TracingOptions): HubTracing {
  if (active) return active;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [options.simple ? new SimpleSpanProcessor({ exporter: options.exporter }) : new BatchSpanProcessor({ exporter: options.exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const tracing: HubTracing = {
    provider,
    async shutdown() {
      if (active !== tracing) return;
      active = undefined;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  active = tracing;
  return tracing;
}

/** The OTLP endpoint for traces from the configuration, if any. */
export function otlpTracesUrl(config: Pick<HttpConfig, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>): string | undefined {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/** Starts tracing over OTLP when the configuration names an endpoint (HubHttpModule does this at start). */
@Injectable()
export class TracingLifecycle implements OnApplicationShutdown {
  private readonly tracing: HubTracing | undefined;

  constructor(@Inject(HUB_CONFIG) config: HttpConfig, @Inject(HUB_APP_INFO) app: HubAppInfo) {
    const url = otlpTracesUrl(config);
    this.tracing = url ? startTracing({ serviceName: config.OTEL_SERVICE_NAME ?? app.name, exporter: new OTLPTraceExporter({ url }) }) : undefined;
  }

  /** Whether this process exports spans. */
  get exporting(): boolean {
    return this.tracing !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown(); // flushes the last batch
  }
}

const tracer = () => trace.getTracer('@hub/nest-commons');

/** Whether this process exports spans (`startTracing` ran): without it the platform opens no span per request (ADR 0139). */
export function tracingActive(): boolean {
  return active !== undefined;
}

/** A request's SERVER span, opened by `startServerSpan`. */
export interface ServerSpan {
  /** Runs the rest of the request inside the span's context (so logs, the outbox and calls out see it). */
  run(fn: () => void): void;
  /** Names the span after the matched route and ends it with the answer's status. */
  end(req: Request, route: string | undefined, status: number): void;
}

/**
 * Opens the SERVER span of a request, child of the caller's `traceparent` (the gateway's CLIENT
 * span, or a browser's), named after the matched route once it is known. Undefined when the span
 * would not record (no SDK registered).
 */
export function startServerSpan(req: Request): ServerSpan | undefined {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } }, parent);
  if (!span.isRecording()) return undefined;
  return {
    run: (fn) => context.with(trace.setSpan(parent, span), fn),
    end(request, route, status) {
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * The SERVER span as a middleware of its own (kept for pipelines that compose their own; the
 * platform's pipeline opens it in `platformRequestMiddleware`). A no-op without the SDK.
 */
export function tracingMiddleware(req: Request, res: Response, next: NextFunction): void {
  const span = tracingActive() ? startServerSpan(req) : undefined;
  if (!span) return next();
  res.on('finish', () => {
    const template = (req.route as { path?: string } | undefined)?.path;
    span.end(req, template ? `${req.baseUrl}${template}` : undefined, res.statusCode);
  });
  span.run(() => next());
}
