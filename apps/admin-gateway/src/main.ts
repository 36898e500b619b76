import 'reflect-metadata';
import { bootstrapHubApp } from '@hub/nest-commons';
import { AppModule } from './app.module.js';
import { gatewayConfigSchema } from './config.js';
import { configureGatewayHttp } from './http/configure-gateway-http.js';

// The platform's bootstrap with the gateway's own pipeline (security headers, rate limits, the proxy).
await bootstrapHubApp(AppModule, gatewayConfigSchema, {
  configureHttp: (app) => configureGatewayHttp(app),
  describe: (c) => ({ upstreams: { registration: c.REGISTRATION_URL ?? null, participation: c.PARTICIPATION_URL ?? null, ...c.HUB_GATEWAY_UPSTREAMS } }),
});
