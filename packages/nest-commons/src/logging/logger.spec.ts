import { Writable } from 'node:stream';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, nestLoggerOf } from './logger.js';

/** The lines a pino logger writes, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('test', 'debug', stream) };
}

describe("Nest's logger through pino (nestLoggerOf)", () => {
  afterEach(() => Logger.overrideLogger(new ConsoleLogger()));

  it('a pino-style call through Nest’s Logger keeps its fields and text — the problem filter’s 503 line was "[object Object]"', () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(nestLoggerOf(logger));
    new Logger('ProblemDetailsFilter').warn({ err: new Error('object storage does not answer'), correlationId: 'c-1' }, 'dependency unavailable');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'dependency unavailable', context: 'ProblemDetailsFilter', correlationId: 'c-1' });
    expect((lines[0]!['err'] as { message: string }).message).toBe('object storage does not answer');
    expect(JSON.stringify(lines[0])).not.toContain('[object Object]');
  });

  it('Nest’s own calls: a text with its context, an error with its stack as detail', () => {
    const { lines, logger } = capture();
    const nest = nestLoggerOf(logger);
    nest.log('Mapped {/health, GET} route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
    nest.verbose('fine detail', 'Scanner');
    expect(lines.map((l) => [l['level'], l['msg'], l['context']])).toEqual([
      [30, 'Mapped {/health, GET} route', 'RouterExplorer'],
      [50, 'boom', 'ExceptionHandler'],
    ]); // verbose is pino's trace, below the logger's debug level
    expect(lines[1]!['detail']).toContain('at x');
  });

  it('an Error as the message is logged with its message and serialised error', () => {
    const { lines, logger } = capture();
    nestLoggerOf(logger).error(new Error('kaput'), 'Worker');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'kaput', context: 'Worker' });
    expect((lines[0]!['err'] as { type: string }).type).toBe('Error');
  });
});
