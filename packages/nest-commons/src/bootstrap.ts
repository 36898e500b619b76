import 'reflect-metadata';
import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { ConfigError, HUB_CONFIG, type HttpConfig, loadConfig } from './config/config.js';
import { answerClientErrorsAsProblems } from './http/client-error.js';
import { refuseDeepJson } from './http/json-depth.js';
import { correlationMiddleware } from './logging/correlation.middleware.js';
import { nestLoggerOf } from './logging/logger.js';
import { MetricsRegistry } from './metrics/metrics.js';
import { HUB_LOGGER } from './platform.module.js';
import { tracingMiddleware } from './tracing/tracing.js';

/** Applies what every app's HTTP pipeline needs (also used by tests on a TestingModule). */
export function configureHttp(app: INestApplication, config: HttpConfig): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  answerClientErrorsAsProblems(express.getHttpServer());
  // Issue #18: a body nested deeper than MAX_JSON_DEPTH is refused (400 naming `body`) before parsing.
  // body-parser's `verify` hook; Nest's typing leaves it out because its own `rawBody` option uses it,
  // which the platform does not (Nest passes the options through unchanged when rawBody is off).
  const jsonOptions = { limit: config.HUB_HTTP_BODY_LIMIT, verify: refuseDeepJson };
  express.useBodyParser('json', jsonOptions);
  express.use(tracingMiddleware); // ADR 0102: the request's SERVER span, before anything that logs or writes
  express.use(correlationMiddleware);
  express.use(app.get(MetricsRegistry).httpMiddleware());
  const logger = app.get<Logger>(HUB_LOGGER);
  express.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Path without the query string: queries may carry personal data.
      logger.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n), actor: req.actor?.subject },
        'request',
      );
    });
    next();
  });
  express.use((_req: unknown, res: { setHeader(k: string, v: string): void }, next: () => void) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    next();
  });
  app.enableShutdownHooks();
}

/** Starts a context app: validated config, pino logs, the HTTP pipeline, graceful shutdown. */
export interface BootstrapOptions<C extends HttpConfig> {
  /** Replaces `configureHttp` for apps whose pipeline differs (the gateway's proxy and rate limits). */
  readonly configureHttp?: (app: NestExpressApplication, config: C) => void;
  /** Extra fields for the "listening" log line. */
  readonly describe?: (config: C) => Record<string, unknown>;
}

export async function bootstrapHubApp<C extends HttpConfig>(
  module: Type,
  configSchema: z.ZodType<C>,
  options: BootstrapOptions<C> = {},
): Promise<INestApplication> {
  // Validate first, so that a bad variable gives one clear message and no framework stack trace.
  try {
    loadConfig(configSchema);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, bufferLogs: true });
  const config = app.get<C>(HUB_CONFIG);
  const logger = app.get<Logger>(HUB_LOGGER);
  app.useLogger(nestLoggerOf(logger));
  (options.configureHttp ?? configureHttp)(app, config);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info({ port: config.PORT, ...(options.describe?.(config) ?? {}) }, 'listening');
  return app;
}
