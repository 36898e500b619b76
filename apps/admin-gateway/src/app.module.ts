import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { HubPlatformModule, OpenApiGenerator } from '@hub/nest-commons';
import { Authenticator } from './access/authenticator.js';
import { AuditTrail } from './audit/audit-trail.js';
import { AuditHttpController } from './audit/audit.http.controller.js';
import { CompositionHttpController } from './composition/composition.http.controller.js';
import { gatewayConfigSchema } from './config.js';
import { gatewayEntities } from './gateway.entities.js';
import { MergedOpenApiHttpController } from './openapi/merged-openapi.http.controller.js';
import { ProxyHandler } from './proxy/proxy.handler.js';
import { RateLimitInterceptor } from './rate-limit/rate-limit.interceptor.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { UpstreamClient } from './upstreams/upstream-client.js';

export const GATEWAY_PLATFORM = {
  name: 'admin-gateway',
  title: 'Astana Hub — Admin gateway',
  description: 'The front door for Fund staff and the applicant portal: authentication, the route table of who may call what, the audit trail, composed views, the deadlines board.',
  configSchema: gatewayConfigSchema,
  entities: gatewayEntities,
} as const;

/** OpenApiGenerator is the platform's, instantiated here too: the merged document starts from the gateway's own. */
export const gatewayProviders = [OpenApiGenerator, Authenticator, AuditTrail, UpstreamClient, RateLimiter, ProxyHandler, { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor }];
export const gatewayControllers = [AuditHttpController, CompositionHttpController, MergedOpenApiHttpController];

@Module({
  imports: [HubPlatformModule.forRoot(GATEWAY_PLATFORM), DiscoveryModule],
  controllers: gatewayControllers,
  providers: gatewayProviders,
})
export class AppModule {}
