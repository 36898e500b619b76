import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';

describe('the secrets scan finds a planted value (ADR 0043 §5)', () => {
  const written = [
    { channel: 'log' as const, where: 'participation.log', text: '{"msg":"report filed","passport":"PX1234567"}' },
    { channel: 'kafka' as const, where: 'topic@0:1', text: '{"payload":{"fullName":"\\u0417\\u0430\\u0440\\u0438\\u043d\\u0430 \\"Q\\""}}' },
    { channel: 'metrics' as const, where: 'registration', text: 'hub_outbox_pending_events 0' },
  ];

  it('reports the channel and place of every leak, with the value masked', () => {
    const hits = scan(written, { passport: 'PX1234567', absent: 'NOT-WRITTEN-ANYWHERE' });
    expect(hits).toEqual([{ needle: 'passport', channel: 'log', where: 'participation.log', context: '{"msg":"report filed","passport":"<passport>"}' }]);
  });

  it('finds a value written JSON-escaped', () => {
    expect(scan(written, { name: 'Зарина "Q"' }).map((h) => h.where)).toEqual(['topic@0:1']); // \\u-escaped Cyrillic and quotes
    expect(scan([{ channel: 'log', where: 'x', text: JSON.stringify({ n: 'Зарина "Q"' }) }], { name: 'Зарина "Q"' })).toHaveLength(1); // raw UTF-8, quotes escaped
  });

  it('refuses needles too short to mean anything', () => {
    expect(() => scan(written, { pin: '123' })).toThrow(/too short/);
  });
});
