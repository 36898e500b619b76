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
    mixin: () => {
      const ctx = MessageContexts.current();
      const traceId = activeTraceId(); // ADR 0102: a log line leads to its trace
      return { ...(ctx ? { correlationId: ctx.correlationId } : {}), ...(traceId ? { traceId } : {}) };
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
