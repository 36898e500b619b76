import { z } from 'zod';
import { httpConfigSchema, persistenceConfigSchema } from '@hub/nest-commons';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional());

/** Further contexts as they come: `{"services":"http://127.0.0.1:3003"}` (name → base URL). */
const extraUpstreams = z
  .string()
  .default('{}')
  .transform((raw, ctx) => {
    try {
      return z.record(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/), z.url({ protocol: /^https?$/ })).parse(JSON.parse(raw));
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `must be a JSON object of context name → http(s) URL (${(e as Error).message.slice(0, 200)})` });
      return z.NEVER;
    }
  });

/**
 * The gateway's configuration: the platform's HTTP and persistence variables (its own database
 * `hub_gateway` holds the audit trail and the rate-limit store) plus where the contexts are and the
 * protective limits (ADR 0031). No messaging variables: the gateway starts no Kafka client
 * (`HUB_KAFKA_BROKERS`, `HUB_RUN_WORKERS` are ignored if set).
 */
export const gatewayConfigSchema = httpConfigSchema.extend(persistenceConfigSchema.shape).extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  REGISTRATION_URL: optionalUrl,
  PARTICIPATION_URL: optionalUrl,
  HUB_GATEWAY_UPSTREAMS: extraUpstreams,
  /**
   * ADR 0148: how long an idle connection to a context is kept for reuse. Shorter than the contexts'
   * `HUB_HTTP_KEEP_ALIVE_TIMEOUT_MS` (65 s), so the gateway closes first; a context announcing a
   * shorter `Keep-Alive: timeout=` is left a second before it.
   */
  HUB_GATEWAY_UPSTREAM_IDLE_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  /** How long a proxied call may take before the caller gets 504. */
  HUB_GATEWAY_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  /** Idempotency-Key (ADR 0038): how long a call's answer is kept for replay. */
  HUB_GATEWAY_IDEMPOTENCY_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /**
   * Issue #18 (ADR 0043 amendment): the circuit breaker towards each context — consecutive transport
   * failures (refused, reset, timed out) that open it, and how long it stays open before one probe.
   */
  HUB_GATEWAY_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  HUB_GATEWAY_BREAKER_OPEN_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** How many times an idempotent read (GET/HEAD) is sent again after a refused or broken connection; commands never are. */
  HUB_GATEWAY_READ_RETRIES: z.coerce.number().int().min(0).max(3).default(1),
  /** Pause before a read is retried (times the attempt number). */
  HUB_GATEWAY_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(5_000).default(100),
  /** How long one section of a composed view (overview, deadlines board) may take. */
  HUB_GATEWAY_COMPOSE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  /** Per-caller limit (verified subject, else client IP): sustained rate and burst (a window of BURST calls, ADR 0031). */
  HUB_GATEWAY_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  HUB_GATEWAY_RATE_BURST: z.coerce.number().int().min(1).default(60),
  /** Per-IP limit in front of authentication (protects token verification from floods). */
  HUB_GATEWAY_IP_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  HUB_GATEWAY_IP_RATE_BURST: z.coerce.number().int().min(1).default(200),
  /**
   * ADR 0134 (issue #17): points a replica takes from the shared store per key in one round trip and
   * spends from memory (both limits); capped at a tenth of the window (a limit under 20 calls per
   * window is counted call by call). Replicas never admit more than the limit together; a caller may
   * be refused early by at most (replicas − 1) × (L + ⌈L/2⌉ − 1) calls per window. 1 = a round trip per call.
   */
  HUB_GATEWAY_RATE_LEASE: z.coerce.number().int().min(1).max(1000).default(20),
  /** Largest non-JSON body (uploads, CSV imports) forwarded; JSON bodies use HUB_HTTP_BODY_LIMIT. */
  HUB_GATEWAY_RAW_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /**
   * Issue #18: the browser origins allowed to call the gateway cross-origin (CORS), comma-separated,
   * e.g. `https://portal.astanahub.kz`. Empty (the default): none — the web app is served from the
   * gateway's own origin through its server's `/api` proxy (apps/web/server.mjs), so a browser needs
   * no CORS at all, and any other site's script is refused.
   */
  HUB_GATEWAY_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const origins = raw
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const o of origins) {
        if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o))
          ctx.addIssue({ code: 'custom', message: `'${o}' is not an origin (scheme://host[:port], no path, no wildcard)` });
      }
      return origins.map((o) => o.toLowerCase());
    }),
  /** Behind a reverse proxy: trust X-Forwarded-For for the client IP (express `trust proxy`). */
  HUB_GATEWAY_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
