import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { Endpoint } from '../http/endpoint.js';

/**
 * The app's Prometheus registry (prom-client). The platform registers process metrics, HTTP RED
 * (rate, errors, duration per route) and, where the app has them, the messaging figures (outbox lag,
 * consumer outcomes and dead letters, timers due). A context adds its own domain figures with
 * prom-client directly: `new Gauge({ name, help, registers: [registry], async collect() { … } })`.
 */
export class MetricsRegistry extends Registry {
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(readonly app: string) {
    super();
    this.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this });
    this.httpRequests = new Counter({
      name: 'hub_http_requests_total',
      help: 'HTTP requests answered, by route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this],
    });
    this.httpDuration = new Histogram({
      name: 'hub_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this],
    });
  }

  /**
   * Records one answered request: the duration histogram and the request counter, labelled by method,
   * route template (`unmatched` when no route matched) and status. The labels object of each
   * (method, route, status) is built once and kept (ADR 0139): the set is bounded by the app's routes
   * × methods × statuses, since the route label is the template, never the path (paths carry ids and BINs).
   */
  httpObserver(): (method: string, route: string | undefined, status: number, seconds: number) => void {
    const labelsByKey = new Map<string, { method: string; route: string; status: string }>();
    return (method, route, status, seconds) => {
      const key = `${method} ${status} ${route ?? ''}`;
      let labels = labelsByKey.get(key);
      if (labels === undefined) {
        labels = { method, route: route ?? 'unmatched', status: String(status) };
        labelsByKey.set(key, labels);
      }
      this.httpDuration.observe(labels, seconds);
      this.httpRequests.inc(labels);
    };
  }

  /** Express middleware measuring every request (the platform's pipeline does this in `platformRequestMiddleware`, ADR 0139). */
  httpMiddleware(): (req: Request, res: Response, next: NextFunction) => void {
    const observe = this.httpObserver();
    return (req, res, next) => {
      const started = performance.now();
      res.on('finish', () => {
        const template = (req.route as { path?: string } | undefined)?.path;
        observe(req.method, template ? `${req.baseUrl}${template}` : undefined, res.statusCode, (performance.now() - started) / 1000);
      });
      next();
    };
  }
}

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsRegistry) private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Endpoint({
    summary: 'Prometheus metrics: process, HTTP, messaging and the domain figures of this app',
    tags: ['health'],
    access: 'public',
    response: z.string(),
  })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
