import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

import { MessageContexts } from '@hub/messaging';
import { BearerAuthenticator, HUB_CONFIG, HUB_LOGGER, isDatabaseUnavailable } from '@hub/nest-commons';
import { decideAccess } from '../access/access-rule.js';
import { RouteTable, STATE_CHANGING } from '../access/route-table.js';
import { AuditTrail, type AuditKind } from '../audit/audit-trail.js';
import type { GatewayConfig } from '../config.js';
import { sendProblem } from '../http/problem.js';
import { IDEMPOTENCY_KEY, IdempotencyStore } from '../idempotency/idempotency-store.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { UpstreamClient, UpstreamFailure, type UpstreamResponse } from '../upstreams/upstream-client.js';

/** Paths under /api/ that are the gateway's own (Nest controllers), never a context. */
export const OWN_API_SEGMENTS: ReadonlySet<string> = new Set(['companies', 'deadlines', 'audit', 'openapi.json']);

/** Request headers passed to a context; everything else (cookies, hop-by-hop, forged identity headers) stays here. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language', 'if-none-match', 'if-match', 'idempotency-key'];
/** Response headers passed back to the caller. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'content-language',
  'etag',
  'last-modified',
  'retry-after',
  'allow',
  'x-total-count',
  'link',
];

class BodyTooLarge extends Error {}

/**
 * The proxy for `/api/<context>/**` (ADR 0030): authenticate the bearer token (same verifier as
 * every context), look the route up in the reviewed route table (undeclared → 404/405), rate-limit
 * the caller, authorise by role and company (F-35), forward with the caller's own token and the
 * correlation id (never an identity header of ours), time-box the call, audit writes and restricted
 * reads (ADR 0032), and answer a context's failure with 502/503/504 problem+json.
 */
@Injectable()
export class ProxyHandler {
  readonly table = new RouteTable();

  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(BearerAuthenticator) private readonly authenticator: BearerAuthenticator,
    @Inject(UpstreamClient) private readonly upstreams: UpstreamClient,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(IdempotencyStore) private readonly idempotency: IdempotencyStore,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  /** Express middleware; passes anything that is not a proxied context path on to Nest. */
  middleware(): (req: Request, res: Response, next: NextFunction) => void {
    const known = new Set(this.table.upstreams());
    return (req, res, next) => {
      const m = /^\/api\/([^/]+)(\/.*)?$/.exec(req.path);
      const upstream = m?.[1];
      if (!m || !upstream || OWN_API_SEGMENTS.has(upstream) || !known.has(upstream)) return next();
      this.handle(req, res, upstream, m[2] ?? '/').catch((e: unknown) => {
        if (isDatabaseUnavailable(e)) {
          // Issue #18: the gateway's own database (idempotency keys) is restarting: nothing was forwarded.
          this.logger.warn({ err: e }, 'proxy: the gateway database is unavailable');
          if (!res.headersSent) {
            res.setHeader('retry-after', '5');
            sendProblem(
              res,
              503,
              'gateway.database-unavailable',
              'Service unavailable',
              'the gateway could not reach its database; try again shortly',
              req.originalUrl,
            );
          }
          return;
        }
        this.logger.error({ err: e }, 'proxy failed');
        if (!res.headersSent)
          sendProblem(res, 500, 'internal', 'Internal error', 'An unexpected error occurred; quote the correlation id when reporting it.', req.originalUrl);
      });
    };
  }

  private async handle(req: Request, res: Response, upstream: string, path: string): Promise<void> {
    const started = performance.now();
    const method = req.method.toUpperCase();
    const instance = req.originalUrl;
    const ip = req.ip; // ADR 0143: Express derives it (trust proxy) on every read; read once
    const auth = await this.authenticator.authenticate(req.headers.authorization);
    const actor = auth.ok ? auth.actor : undefined;
    const lookup = this.table.lookup(upstream, method, path);
    const route = lookup.kind === 'match' ? lookup.match.route : undefined;
    const params = lookup.kind === 'match' ? lookup.match.params : {};
    const auditKind: AuditKind | undefined = STATE_CHANGING.has(method) ? 'write' : route?.restrictedPersonalData ? 'restricted-read' : undefined;
    const query = queryOf(req.originalUrl);
    const companyBin = route?.companyParam ? params[route.companyParam] : route?.companyQuery ? queryValue(query, route.companyQuery) : undefined;

    const audited = async (status: number, deniedByGateway: boolean, facts: ResponseFacts = {}): Promise<boolean> => {
      if (!auditKind) return true;
      try {
        await this.audit.record({
          kind: auditKind,
          subject: actor?.subject ?? null,
          roles: actor?.roles ?? [],
          companyBin: companyBin ?? facts.bin ?? (actor?.companies.length === 1 ? actor.companies[0]! : null),
          actorCompanies: actor?.companies ?? [],
          method,
          route: route ? `/api/${upstream}${route.path}` : null,
          path: req.path,
          upstream,
          resourceId: (route ? params[route.resourceParam ?? 'id'] : undefined) ?? facts.createdId ?? null,
          status,
          deniedByGateway,
          correlationId: MessageContexts.current()?.correlationId ?? 'none',
          requestId: (req as Request & { id?: string }).id ?? null,
          clientIp: ip ?? null,
          durationMs: performance.now() - started,
        });
        return true;
      } catch (e) {
        this.logger.error({ err: e, method, path: req.path }, 'AUDIT TRAIL WRITE FAILED');
        return false;
      }
    };
    const deny = async (status: number, code: string, title: string, detail: string, extra: Record<string, unknown> = {}) => {
      await audited(status, true);
      sendProblem(res, status, code, title, detail, instance, extra);
    };

    if (!auth.ok) return deny(401, 'http-401', 'Unauthorized', auth.detail);
    if (lookup.kind === 'unknown') return deny(404, 'gateway.route-not-declared', 'Not found', `${upstream} has no route ${path} on this gateway`);
    if (lookup.kind === 'method-not-allowed') {
      res.setHeader('allow', lookup.allowed.join(', '));
      return deny(405, 'gateway.method-not-declared', 'Method not allowed', `${method} is not declared for this path; allowed: ${lookup.allowed.join(', ')}`);
    }
    const match = lookup.match;
    // ADR 0143: a point of the caller's lease is spent from memory without a promise; the store only when needed.
    const callerKey = RateLimiter.callerKey(actor?.subject, ip);
    const rate = this.limiter.perCaller.trySpend(callerKey) ?? (await this.limiter.perCaller.take(callerKey));
    if (!rate.ok) {
      res.setHeader('retry-after', String(rate.retryAfterSec));
      return deny(429, 'gateway.rate-limited', 'Too many requests', `slow down: try again in ${rate.retryAfterSec} s`);
    }
    const decision = decideAccess(match.route.access, actor, companyBin);
    if (!decision.allowed) return deny(decision.status, `http-${decision.status}`, decision.status === 401 ? 'Unauthorized' : 'Forbidden', decision.detail);

    let body: Buffer | string | undefined;
    try {
      body = await this.bodyOf(req, method);
    } catch (e) {
      if (e instanceof BodyTooLarge)
        return deny(413, 'payload-too-large', 'The body is too large', `at most ${this.config.HUB_GATEWAY_RAW_BODY_LIMIT_BYTES} bytes`);
      throw e;
    }

    // Idempotency-Key (issue #18, ADR 0038): a repeated command gets the first answer, never a second effect.
    let idem: { subject: string; key: string } | undefined;
    const idemKey = STATE_CHANGING.has(method) ? req.headers['idempotency-key'] : undefined;
    if (idemKey !== undefined) {
      const keyProblem = {
        errors: [{ field: 'header.idempotency-key', message: '1 to 255 visible ASCII characters, the same for every retry of one request' }],
      };
      if (typeof idemKey !== 'string' || !IDEMPOTENCY_KEY.test(idemKey))
        return deny(400, 'invalid-request', 'The request is malformed', 'Idempotency-Key must be 1 to 255 visible ASCII characters', keyProblem);
      const subject = actor?.subject ?? `ip:${ip ?? 'unknown'}`;
      const begun = await this.idempotency.begin(subject, idemKey, IdempotencyStore.fingerprint(method, `${path}${query}`, body));
      switch (begun.kind) {
        case 'replay':
          await audited(begun.response.status, false);
          for (const [h, v] of Object.entries(begun.response.headers)) res.setHeader(h, v);
          res.setHeader('idempotent-replayed', 'true');
          res.status(begun.response.status).end(begun.response.body);
          return;
        case 'key-reused':
          return deny(
            422,
            'gateway.idempotency-key-reused',
            'The Idempotency-Key was used for another request',
            'this key was used with a different method, path or body; use a new key for a new request',
            keyProblem,
          );
        case 'in-flight':
          res.setHeader('retry-after', String(begun.retryAfterSec));
          return deny(
            409,
            'gateway.idempotency-in-flight',
            'The first request with this key is still running',
            'retry after the time in Retry-After to get its answer',
          );
        case 'outcome-unknown':
          return deny(
            409,
            'gateway.idempotency-outcome-unknown',
            'The outcome of the first request with this key is unknown',
            `the first request with this Idempotency-Key (${begun.firstAt.toISOString()}) was forwarded but its answer was lost, so it may have been carried out; read the resource before trying again with a new key`,
          );
        case 'proceed':
          idem = { subject, key: idemKey };
          break;
      }
    }

    let upstreamRes: UpstreamResponse;
    try {
      upstreamRes = await this.upstreams.call(upstream, {
        method,
        pathAndQuery: `${path}${query}`,
        headers: this.forwardHeaders(req, ip, upstream, body),
        ...(body !== undefined ? { body } : {}),
        timeoutMs: this.config.HUB_GATEWAY_UPSTREAM_TIMEOUT_MS,
      });
    } catch (e) {
      if (!(e instanceof UpstreamFailure)) {
        if (idem) await this.idempotency.release(idem.subject, idem.key);
        throw e;
      }
      // Refused connection: nothing was carried out, the key is free. A timeout or a broken answer: it
      // may have been, so the key stays "in flight" and a repeat is told the outcome is unknown.
      // An open circuit (issue #18) sent nothing either.
      if (idem && (e.reason === 'unreachable' || e.reason === 'not-configured' || e.reason === 'circuit-open'))
        await this.idempotency.release(idem.subject, idem.key);
      this.logger.warn({ upstream, reason: e.reason, method, route: match.route.path }, e.message);
      await audited(e.status, false);
      if (e.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(e.retryAfterSeconds));
      res.status(e.status).type('application/problem+json').json(e.toProblem(instance, MessageContexts.current()?.correlationId));
      return;
    }

    const auditable = auditKind !== undefined;
    const ok = await audited(upstreamRes.status, false, auditable ? responseFacts(upstreamRes) : {});
    if (!ok && auditKind === 'restricted-read') {
      // F-42: restricted personal data is released only when its reading is on record.
      return sendProblem(
        res,
        503,
        'gateway.audit-unavailable',
        'Service unavailable',
        'the audit trail cannot record this read right now, so the data is not released; try again later',
        instance,
      );
    }
    const headers = this.responseHeaders(upstream, upstreamRes);
    if (idem) {
      // A context's 5xx rolled its work back: the key is free. 2xx and 4xx are the answer, kept for replay.
      try {
        if (upstreamRes.status >= 500) await this.idempotency.release(idem.subject, idem.key);
        else await this.idempotency.complete(idem.subject, idem.key, { status: upstreamRes.status, headers, body: upstreamRes.body });
      } catch (e) {
        // Issue #18 (chaos, PostgreSQL restart): the context has answered — it may have done the work — so
        // the caller gets that answer, not an error; the key stays "in flight" and a repeat is told the
        // outcome is unknown (ADR 0038) rather than being carried out twice.
        this.logger.warn({ err: e, upstream, route: match.route.path }, 'the idempotency key could not be settled; the answer is sent anyway');
      }
    }
    for (const [h, v] of Object.entries(headers)) res.setHeader(h, v);
    res.status(upstreamRes.status).end(upstreamRes.body);
  }

  /** The context's response headers the caller gets; the context's own paths become the gateway's paths. */
  private responseHeaders(upstream: string, up: UpstreamResponse): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const h of FORWARDED_RESPONSE_HEADERS) {
      const v = up.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    const location = up.headers.get('location');
    if (location) headers.location = location.startsWith('/') ? `/api/${upstream}${location}` : location;
    return headers;
  }

  private forwardHeaders(req: Request, ip: string | undefined, upstream: string, body: Buffer | string | undefined): Record<string, string> {
    const headers: Record<string, string> = {};
    const incoming: IncomingHttpHeaders = req.headers;
    for (const h of FORWARDED_REQUEST_HEADERS) {
      const v = incoming[h];
      if (typeof v === 'string') headers[h] = v;
    }
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    const ctx = MessageContexts.current();
    if (ctx) headers['x-correlation-id'] = ctx.correlationId;
    headers['x-forwarded-for'] = ip ?? '';
    headers['x-forwarded-proto'] = req.protocol;
    headers['x-forwarded-prefix'] = `/api/${upstream}`;
    return headers;
  }

  /** JSON was parsed (and size-limited) by the platform's body parser; anything else is read raw, with a limit. */
  private async bodyOf(req: Request, method: string): Promise<Buffer | string | undefined> {
    if (method === 'GET' || method === 'HEAD' || method === 'DELETE') return undefined;
    // Express 5 leaves req.body undefined unless a parser (the platform's JSON one) consumed the body.
    if (req.body !== undefined) return JSON.stringify(req.body);
    if (!req.headers['content-length'] && !req.headers['transfer-encoding']) return undefined;
    const limit = this.config.HUB_GATEWAY_RAW_BODY_LIMIT_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new BodyTooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }
}

/** `?…` of a URL as the caller sent it (up to a fragment), or ''. */
function queryOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q);
}

/**
 * A single-valued query parameter (a repeated one is taken as a list and refused by the context's
 * schema). Parsed with URLSearchParams from the query alone (ADR 0143) — the same decoding as
 * `new URL(…).searchParams`, without parsing a whole URL per call.
 */
function queryValue(query: string, name: string): string | undefined {
  if (query === '') return undefined;
  const hash = query.indexOf('#');
  const v = new URLSearchParams(hash < 0 ? query : query.slice(0, hash)).getAll(name);
  return v.length === 0 ? undefined : v.join(',');
}

interface ResponseFacts {
  /** The id of what a POST created (201 with Location or `{ id }`). */
  readonly createdId?: string;
  /** The company the resource belongs to, when the context's answer names it (`{ bin }`): "acting for which company". */
  readonly bin?: string;
}

/** What the audit trail can learn from the context's answer; never more than an id and a BIN. */
function responseFacts(res: UpstreamResponse): ResponseFacts {
  const location = res.status === 201 ? res.headers.get('location') : null;
  let body: { id?: unknown; bin?: unknown } | undefined;
  if (res.headers.get('content-type')?.includes('json') && res.body.length <= 1_000_000) {
    try {
      body = JSON.parse(res.body.toString('utf8')) as { id?: unknown; bin?: unknown };
    } catch {
      body = undefined;
    }
  }
  const createdId =
    res.status === 201 ? (location ? location.split('/').filter(Boolean).at(-1) : typeof body?.id === 'string' ? body.id : undefined) : undefined;
  const bin = typeof body?.bin === 'string' && /^\d{12}$/.test(body.bin) ? body.bin : undefined;
  return { ...(createdId ? { createdId } : {}), ...(bin ? { bin } : {}) };
}
