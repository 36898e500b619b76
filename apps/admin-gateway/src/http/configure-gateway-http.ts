import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { HUB_CONFIG, configureHttp } from '@hub/nest-commons';
import type { GatewayConfig } from '../config.js';
import { ProxyHandler } from '../proxy/proxy.handler.js';
import { type LimitResult, RateLimiter } from '../rate-limit/rate-limiter.js';
import { sendProblem } from './problem.js';

/**
 * Security headers for a JSON API that is the public front door (on top of nest-commons'
 * nosniff / frame DENY / no-referrer / no-store): HSTS, a CSP that allows nothing to load or frame,
 * cross-origin isolation of responses, no powerful browser features.
 */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('x-dns-prefetch-control', 'off');
  next();
}

/** What a permitted cross-origin caller may send and read (the gateway's own contract: ADR 0038 keys, ETags, correlation). */
const CORS_ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const CORS_ALLOWED_HEADERS = 'authorization, content-type, accept, accept-language, idempotency-key, if-match, if-none-match, x-correlation-id';
const CORS_EXPOSED_HEADERS = 'etag, location, retry-after, idempotent-replayed, x-correlation-id';

/**
 * CORS (issue #18): only the origins in HUB_GATEWAY_CORS_ORIGINS get `Access-Control-Allow-Origin`
 * (echoed, never `*`, no credentials — the bearer token is sent by script, not a cookie). A preflight
 * from any other origin is refused with 403 problem+json; a simple request from one is served
 * without CORS headers, so the browser withholds the answer from that page.
 */
export function cors(allowed: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (!origin) return next();
    res.setHeader('vary', 'Origin');
    const permitted = allowed.includes(origin.toLowerCase());
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!permitted) {
      if (preflight)
        return sendProblem(res, 403, 'gateway.cors-origin-refused', 'Origin not allowed', 'this origin may not call the API from a browser', req.originalUrl);
      return next();
    }
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
    if (!preflight) return next();
    res.setHeader('access-control-allow-methods', CORS_ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  };
}

/**
 * The gateway's HTTP pipeline, in order: the platform's (JSON body limit, correlation id, base
 * headers), security headers, CORS for the configured origins, the per-IP limit (before any token is verified), then the proxy for
 * `/api/<context>/**`; everything else reaches the gateway's own Nest routes.
 */
export function configureGatewayHttp(app: INestApplication): void {
  const config = app.get<GatewayConfig>(HUB_CONFIG);
  const express = app as NestExpressApplication;
  if (config.HUB_GATEWAY_TRUST_PROXY) express.set('trust proxy', true);
  configureHttp(app, config);
  express.use(securityHeaders);
  express.use(cors(config.HUB_GATEWAY_CORS_ORIGINS));
  const limiter = app.get(RateLimiter);
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/health/')) return next();
    const key = `ip:${req.ip ?? 'unknown'}`;
    const refuse = (r: LimitResult): void => {
      if (r.ok) return next();
      res.setHeader('retry-after', String(r.retryAfterSec));
      sendProblem(
        res,
        429,
        'gateway.rate-limited',
        'Too many requests',
        `too many requests from this address: try again in ${r.retryAfterSec} s`,
        req.originalUrl,
      );
    };
    // ADR 0143: decided from the lease in memory when it can be (no promise); otherwise the store is asked.
    const now = limiter.perIp.trySpend(key);
    if (now) return refuse(now);
    limiter.perIp.take(key).then(refuse, next);
  });
  express.use(app.get(ProxyHandler).middleware());
}
