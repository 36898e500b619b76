import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { uuidv7 } from '@hub/kernel';
import { type MessageContext, MessageContexts } from '@hub/messaging';
import { CORRELATION_HEADER, REQUEST_ID_HEADER, SAFE_CORRELATION_ID } from '../logging/correlation.middleware.js';
import type { MetricsRegistry } from '../metrics/metrics.js';
import { type ServerSpan, startServerSpan, tracingActive } from '../tracing/tracing.js';

/** Headers every answer carries (a JSON API: nothing to sniff, frame, refer or cache). */
const BASE_HEADERS: readonly (readonly [string, string])[] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  ['cache-control', 'no-store'],
];

/** The route label and span name: the matched route's template, never the path (paths carry ids and BINs). */
export function routeTemplateOf(req: Request): string | undefined {
  const template = (req.route as { path?: string } | undefined)?.path;
  return template ? `${req.baseUrl}${template}` : undefined;
}

/**
 * The platform's per-request HTTP layer as ONE Express middleware (ADR 0139; it replaces the five
 * of ADR 0035/0102 — tracing, correlation, metrics, the request log line, the base headers — with
 * the same guarantees, in the same order):
 *
 * 1. the request's SERVER span (ADR 0102), opened only when the process exports traces
 *    (`startTracing`); without it nothing of OpenTelemetry runs per request;
 * 2. the message context: the correlation id from `x-correlation-id` when well-formed, else new;
 *    the request id (uuid v7) as causation id of whatever the request writes; both echoed;
 * 3. the base headers (nosniff, frame DENY, no-referrer, no-store);
 * 4. ONE `finish` listener for the HTTP RED metrics (`hub_http_requests_total`,
 *    `hub_http_request_duration_seconds`, by method, route template and status), the request log
 *    line (`request`: method, path without the query — queries may carry personal data (F-42) —,
 *    status, ms, actor id; built only when the logger writes `info`) and the span's end.
 *
 * One context run per request (`MessageContexts.run`), nested in the span's context only when a
 * span was opened.
 */
export function platformRequestMiddleware(metrics: MetricsRegistry, logger: Logger): (req: Request, res: Response, next: NextFunction) => void {
  const observe = metrics.httpObserver();
  return function hubRequest(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    const span: ServerSpan | undefined = tracingActive() ? startServerSpan(req) : undefined;

    const incoming = req.headers[CORRELATION_HEADER];
    const correlationId = typeof incoming === 'string' && SAFE_CORRELATION_ID.test(incoming) ? incoming : uuidv7();
    const requestId = uuidv7();
    (req as Request & { id?: string }).id = requestId;
    res.setHeader(CORRELATION_HEADER, correlationId);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of BASE_HEADERS) res.setHeader(name, value);

    res.on('finish', () => {
      const ms = performance.now() - started;
      const route = routeTemplateOf(req);
      observe(req.method, route, res.statusCode, ms / 1000);
      if (logger.isLevelEnabled('info'))
        logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.floor(ms), actor: req.actor?.subject }, 'request');
      span?.end(req, route, res.statusCode);
    });

    const context: MessageContext = { correlationId, causationId: requestId };
    if (span) span.run(() => MessageContexts.run(context, next));
    else MessageContexts.run(context, next);
  };
}
