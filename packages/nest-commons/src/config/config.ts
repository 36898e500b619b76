import { z } from 'zod';
import { KAFKA_CLIENTS } from '@hub/messaging';

/**
 * Configuration validated by zod at start-up. A bad or missing variable stops the app with one
 * message naming every variable that is wrong and why — never a stack trace from deep inside.
 */
export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<{ variable: string; message: string }>) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const csv = z
  .string()
  .min(1)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** What every app with an HTTP API reads (HubHttpModule). */
export const httpConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535),
  HUB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the identity provider's signing keys are: a JWKS URL, or a JWKS file for local use. */
  HUB_AUTH_JWKS_URL: z.url().optional(),
  HUB_AUTH_JWKS_FILE: z.string().min(1).optional(),
  HUB_AUTH_ISSUER: z.string().min(1),
  HUB_AUTH_AUDIENCE: z.string().min(1).default('hub-platform'),
  /** How long a verified token is trusted without a new signature check (ADR 0127; never beyond its expiry; 0 = always check). */
  HUB_AUTH_VERIFIED_TOKEN_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(60_000),
  /** Largest accepted request body. */
  HUB_HTTP_BODY_LIMIT: z.string().default('1mb'),
  /**
   * How long the server keeps an idle keep-alive connection (ADR 0148). Longer than the gateway's
   * idle pool (`HUB_GATEWAY_UPSTREAM_IDLE_MS`, 30 s), so the caller always closes first and never sends
   * a request on a connection the server is closing (Node's default, 5 s, raced the gateway: a POST
   * reset, 502).
   */
  HUB_HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(65_000),
  /** Where spans go over OTLP/HTTP (ADR 0102); unset: no tracing. The standard OpenTelemetry variables. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** The `service.name` of the spans (default: the app's name). */
  OTEL_SERVICE_NAME: z.string().min(1).max(100).optional(),
});

/** What an app with its own database reads (HubPersistenceModule). */
export const persistenceConfigSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  /**
   * The ORM's pool size (ADR 0140 §connection budget): a process holds at most this many connections
   * for its commands, queries, consumers and timers, plus the outbox notifier's own connection (ADR
   * 0147 §5) and, while its workers run, the relay's own and the LISTEN connection: pool + 3. Size it so that every replica's total stays under the server's
   * `max_connections`.
   */
  HUB_DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
});

/** What an app that publishes or consumes events reads (HubMessagingModule). */
export const messagingConfigSchema = z.object({
  HUB_KAFKA_BROKERS: csv.describe('comma-separated host:port list'),
  /** Prefix of every topic and consumer group on the broker (a test run, a preview environment); the contracts' names stay as they are. */
  HUB_KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only')
    .default(''),
  /** Run the outbox relay, the timer poller and the consumers in this process (false for a pure API replica). */
  HUB_RUN_WORKERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  HUB_TIMER_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** How long the relay keeps published outbox rows before it deletes them (ADR 0003); 0 keeps them (a test that inspects the outbox). */
  HUB_OUTBOX_RETAIN_PUBLISHED_HOURS: z.coerce.number().int().min(0).default(168),
  /** The context's Kafka user (a Strimzi KafkaUser whose ACLs let it write only its own topic); unset: no authentication (local broker). */
  HUB_KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256', 'plain']).optional(),
  HUB_KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  HUB_KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  HUB_KAFKA_SSL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The Kafka client behind the MessageBus port (ADR 0149): kafkajs until the switch, @platformatic/kafka after it. */
  HUB_KAFKA_CLIENT: z.enum(KAFKA_CLIENTS).default('kafkajs'),
});

/** The variables every context app reads (HTTP + persistence + messaging). Apps extend it with their own. */
export const baseConfigSchema = httpConfigSchema.extend(persistenceConfigSchema.shape).extend(messagingConfigSchema.shape);

export type HttpConfig = z.infer<typeof httpConfigSchema>;
export type PersistenceConfig = z.infer<typeof persistenceConfigSchema>;
export type MessagingConfig = z.infer<typeof messagingConfigSchema>;
export type BaseConfig = z.infer<typeof baseConfigSchema>;

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?)$/i;
const hostOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Issue #18: production refuses to start on development settings — the dev token issuer (a JWKS
 * file, an issuer on this machine), a database superuser, the development personal-data key ring
 * (`tools/hub` names its keys `dev…`). Each problem names the variable.
 */
export function productionProblems(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: { variable: string; message: string }[] = [];
  if (env.HUB_AUTH_JWKS_FILE)
    problems.push({
      variable: 'HUB_AUTH_JWKS_FILE',
      message: 'a JWKS file is the development issuer; production takes HUB_AUTH_JWKS_URL (https) from the identity provider',
    });
  if (env.HUB_AUTH_JWKS_URL && (!env.HUB_AUTH_JWKS_URL.startsWith('https://') || LOCAL_HOST.test(hostOf(env.HUB_AUTH_JWKS_URL) ?? ''))) {
    problems.push({ variable: 'HUB_AUTH_JWKS_URL', message: 'must be an https:// URL of the identity provider, not this machine' });
  }
  const issuerHost = hostOf(env.HUB_AUTH_ISSUER);
  if (env.HUB_AUTH_ISSUER && (/dev-issuer/i.test(env.HUB_AUTH_ISSUER) || LOCAL_HOST.test(issuerHost ?? ''))) {
    problems.push({ variable: 'HUB_AUTH_ISSUER', message: 'is the development token issuer' });
  }
  if (env.DATABASE_URL) {
    try {
      const db = new URL(env.DATABASE_URL);
      if (decodeURIComponent(db.username) === 'postgres' || db.username === '') {
        problems.push({
          variable: 'DATABASE_URL',
          message: "connects as the superuser 'postgres' (or no user); production uses the context's own least-privilege role",
        });
      } else if (!db.password) problems.push({ variable: 'DATABASE_URL', message: 'has no password' });
    } catch {
      // the schema reports a malformed URL
    }
  }
  if (env.HUB_PII_KEYS && env.HUB_PII_KEYS.split(',').some((k) => /^\s*dev/i.test(k))) {
    problems.push({ variable: 'HUB_PII_KEYS', message: 'holds a development key (its id starts with "dev"); production keys come from the secret store' });
  }
  return problems;
}

export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    const cfg = result.data as Partial<HttpConfig>;
    if (cfg && typeof cfg === 'object' && 'HUB_AUTH_ISSUER' in cfg && !cfg.HUB_AUTH_JWKS_URL && !cfg.HUB_AUTH_JWKS_FILE) {
      throw new ConfigError([{ variable: 'HUB_AUTH_JWKS_URL', message: 'set HUB_AUTH_JWKS_URL or HUB_AUTH_JWKS_FILE (the keys that sign access tokens)' }]);
    }
    const production = productionProblems(env);
    if (production.length > 0) throw new ConfigError(production);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((i) => ({
      variable: i.path.join('.') || '(environment)',
      message: i.code === 'invalid_type' && env[String(i.path[0])] === undefined ? 'is required but not set' : i.message,
    })),
  );
}

export const HUB_CONFIG = Symbol('HUB_CONFIG');
