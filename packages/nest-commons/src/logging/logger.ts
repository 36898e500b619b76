import pino, { type Logger } from 'pino';
import type { MessagingLogger } from '@hub/messaging';
import { MessageContexts, activeTraceId } from '@hub/messaging';

/**
 * Paths never written to logs (F-42 personal data, secrets). Events and errors carry ids, not
 * personal data; this is the last line of defence for anything that slips into a log object.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.passport',
  '*.passportNumber',
  '*.fullName',
  '*.fullNameLatin',
  '*.dateOfBirth',
  '*.iin',
  '*.personalData',
  'body',
  'req.body',
];

/** `destination`: where lines go (default stdout; tests pass a stream). */
export function createLogger(name: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // A fresh object per line: pino merges the line's fields into what the mixin returns.
    mixin: () => {
      const fields: { correlationId?: string; traceId?: string } = {};
      const ctx = MessageContexts.current();
      if (ctx) fields.correlationId = ctx.correlationId;
      const traceId = activeTraceId(); // ADR 0102: a log line leads to its trace
      if (traceId) fields.traceId = traceId;
      return fields;
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export function messagingLoggerOf(logger: Logger): MessagingLogger {
  return {
    debug: (o, m) => logger.debug(o, m),
    info: (o, m) => logger.info(o, m),
    warn: (o, m) => logger.warn(o, m),
    error: (o, m) => logger.error(o, m),
  };
}

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose';
const PINO_LEVEL = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace' } as const;

/**
 * Nest's logger calls, written by the app's pino logger. Nest passes `(message, ...params, context)`;
 * the platform's own classes log pino-style through Nest's `Logger` (`logger.warn({ err, … }, 'text')`),
 * so an object message is merged into the line with the text after it — not printed as
 * "[object Object]" (the problem filter's 503 and 500 lines were). Nest's own errors pass
 * `(message, stack, context)`: the stack goes to `detail`.
 */
export function nestLoggerOf(logger: Logger): Record<NestLevel, (message: unknown, ...params: unknown[]) => void> {
  const write =
    (level: NestLevel) =>
    (message: unknown, ...params: unknown[]): void => {
      const context = params.length > 0 ? params.at(-1) : undefined;
      const rest = params.slice(0, -1);
      const pinoLevel = PINO_LEVEL[level];
      if (message instanceof Error) {
        logger[pinoLevel]({ context, err: message }, message.message);
      } else if (typeof message === 'object' && message !== null) {
        logger[pinoLevel]({ context, ...(message as Record<string, unknown>) }, typeof rest[0] === 'string' ? rest[0] : '');
      } else {
        logger[pinoLevel]({ context, ...(rest.length > 0 ? { detail: rest[0] } : {}) }, String(message));
      }
    };
  return { log: write('log'), error: write('error'), warn: write('warn'), debug: write('debug'), verbose: write('verbose') };
}
