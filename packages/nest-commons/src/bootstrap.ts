import 'reflect-metadata';
import type { Server } from 'node:http';
import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { ConfigError, HUB_CONFIG, type HttpConfig, loadConfig } from './config/config.js';
import { answerClientErrorsAsProblems } from './http/client-error.js';
import { refuseDeepJson } from './http/json-depth.js';
import { platformRequestMiddleware } from './http/request-pipeline.js';
import { nestLoggerOf } from './logging/logger.js';
import { MetricsRegistry } from './metrics/metrics.js';
import { HUB_LOGGER } from './platform.module.js';

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
  // ADR 0139: one middleware for the SERVER span (ADR 0102, only when traces are exported), the
  // correlation/request ids, the base headers, and one `finish` listener for metrics and the request log.
  express.use(platformRequestMiddleware(app.get(MetricsRegistry), app.get<Logger>(HUB_LOGGER)));
  app.enableShutdownHooks();
}

/**
 * ADR 0148: idle keep-alive connections last `HUB_HTTP_KEEP_ALIVE_TIMEOUT_MS` (the `Keep-Alive:
 * timeout=` hint says so). The headers of a request on a kept connection must still arrive within
 * their own timeout, which Node requires to be longer than the keep-alive one.
 */
export function keepConnectionsAlive(app: INestApplication, config: HttpConfig): void {
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.HUB_HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = Math.max(server.headersTimeout, config.HUB_HTTP_KEEP_ALIVE_TIMEOUT_MS + 1_000);
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
  keepConnectionsAlive(app, config);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info({ port: config.PORT, ...(options.describe?.(config) ?? {}) }, 'listening');
  return app;
}
