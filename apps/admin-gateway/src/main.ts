import 'reflect-metadata';
import { ConfigError, loadConfig } from '@hub/nest-commons';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { HUB_CONFIG, HUB_LOGGER } from '@hub/nest-commons';
import { AppModule } from './app.module.js';
import { type GatewayConfig, gatewayConfigSchema } from './config.js';
import { configureGatewayHttp } from './http/configure-gateway-http.js';

// Like bootstrapHubApp, plus the gateway's pipeline (security headers, rate limits, the proxy).
try {
  loadConfig(gatewayConfigSchema);
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw e;
}
const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
const config = app.get<GatewayConfig>(HUB_CONFIG);
const logger = app.get<Logger>(HUB_LOGGER);
app.useLogger({
  log: (m: unknown, ...rest: unknown[]) => logger.info({ context: rest.at(-1) }, String(m)),
  error: (m: unknown, ...rest: unknown[]) => logger.error({ context: rest.at(-1), detail: rest[0] }, typeof m === 'string' ? m : JSON.stringify(m)),
  warn: (m: unknown, ...rest: unknown[]) => logger.warn({ context: rest.at(-1) }, String(m)),
  debug: (m: unknown, ...rest: unknown[]) => logger.debug({ context: rest.at(-1) }, String(m)),
  verbose: (m: unknown, ...rest: unknown[]) => logger.trace({ context: rest.at(-1) }, String(m)),
});
configureGatewayHttp(app);
await app.listen(config.PORT, '0.0.0.0');
logger.info({ port: config.PORT, upstreams: { registration: config.REGISTRATION_URL ?? null, participation: config.PARTICIPATION_URL ?? null, ...config.HUB_GATEWAY_UPSTREAMS } }, 'admin gateway listening');
