/** The little logging the messaging package needs; nest-commons passes its pino logger in. */
export interface MessagingLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

const write = (level: string) => (obj: Record<string, unknown>, msg: string) => {
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...obj })}\n`);
};

/** JSON lines on stderr; `HUB_LOG_LEVEL=debug` shows debug lines. */
export const stderrLogger: MessagingLogger = {
  debug: (obj, msg) => (process.env.HUB_LOG_LEVEL === 'debug' ? write('debug')(obj, msg) : undefined),
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};

export const silentLogger: MessagingLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
