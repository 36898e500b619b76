import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { HubHttpModule, HubPersistenceModule, OpenApiGenerator } from '@hub/nest-commons';
import { AuditTrail } from './audit/audit-trail.js';
import { AuditHttpController } from './audit/audit.http.controller.js';
import { CompositionHttpController } from './composition/composition.http.controller.js';
import { gatewayConfigSchema } from './config.js';
import { gatewayEntities } from './gateway.entities.js';
import { MergedOpenApiHttpController } from './openapi/merged-openapi.http.controller.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import { ProxyHandler } from './proxy/proxy.handler.js';
import { RateLimitInterceptor } from './rate-limit/rate-limit.interceptor.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { UpstreamClient } from './upstreams/upstream-client.js';

export const GATEWAY_HTTP = {
  name: 'admin-gateway',
  title: 'Astana Hub — Admin gateway',
  description:
    'The front door for Fund staff and the applicant portal: authentication, the route table of who may call what, the audit trail, composed views, the deadlines board.',
  configSchema: gatewayConfigSchema,
  /** The gateway has no use cases: no command or query bus. */
  cqrs: false,
} as const;

/**
 * The gateway publishes nothing and consumes nothing (ADR 0035 §8): it takes the platform's HTTP
 * module (config, logger, auth with the one BearerAuthenticator, problem+json, health, OpenAPI,
 * metrics) and its persistence module on `hub_gateway` (the audit trail and the rate-limit store) —
 * no Kafka bus, outbox relay, timer poller, consumers or messaging tables.
 */
export function gatewayPlatformImports(env?: Record<string, string | undefined>) {
  return [HubHttpModule.forRoot({ ...GATEWAY_HTTP, ...(env ? { env } : {}) }), HubPersistenceModule.forRoot({ entities: gatewayEntities }), DiscoveryModule];
}

/** OpenApiGenerator is the platform's, instantiated here too: the merged document starts from the gateway's own. */
export const gatewayProviders = [
  OpenApiGenerator,
  AuditTrail,
  UpstreamClient,
  RateLimiter,
  IdempotencyStore,
  ProxyHandler,
  { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
];
export const gatewayControllers = [AuditHttpController, CompositionHttpController, MergedOpenApiHttpController];

@Module({
  imports: gatewayPlatformImports(),
  controllers: gatewayControllers,
  providers: gatewayProviders,
})
export class AppModule {}
