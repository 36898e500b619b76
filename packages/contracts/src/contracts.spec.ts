import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventRegistry, ParticipantRegisteredV1, defineIntegrationEvent, dlqTopicOf, registrationEvents, topicSpecs, TOPICS } from './index.js';

const ping = defineIntegrationEvent({ type: 'test.pinged', version: 1, topic: 't', description: 'test', payload: z.object({ n: z.number() }) });
const pingV2 = defineIntegrationEvent({
  type: 'test.pinged',
  version: 2,
  topic: 't',
  description: 'test',
  payload: z.object({ n: z.number(), m: z.string() }),
});
const envelope = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: '018f0000-0000-7000-8000-000000000001',
    type: 'test.pinged',
    version: 1,
    occurredAt: '2026-03-02T04:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    aggregateId: 'a',
    payload: { n: 1 },
    ...over,
  });

describe('EventRegistry.decode', () => {
  const registry = new EventRegistry([ping, pingV2]);
  it('decodes a valid envelope to its definition and typed payload', () => {
    const r = registry.decode(envelope());
    expect(r.ok && r.definition.fullName).toBe('test.pinged.v1');
    expect(r.ok && r.envelope.payload).toEqual({ n: 1 });
  });
  it('tells invalid JSON, invalid envelope, unknown type, unknown version and invalid payload apart', () => {
    expect(registry.decode('{x')).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(registry.decode(null)).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(registry.decode(envelope({ id: 'nope' }))).toMatchObject({ ok: false, reason: 'invalid-envelope' });
    expect(registry.decode(envelope({ type: 'test.other' }))).toMatchObject({ ok: false, reason: 'unknown-type' });
    expect(registry.decode(envelope({ version: 3 }))).toMatchObject({ ok: false, reason: 'unknown-version' });
    const bad = registry.decode(envelope({ payload: { n: 'x' } }));
    expect(bad).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(!bad.ok && bad.detail).toMatch(/n/);
  });
  it('refuses to register the same type and version twice, and malformed type names', () => {
    expect(() => new EventRegistry([ping, ping])).toThrow(/twice/);
    expect(() => defineIntegrationEvent({ type: 'NoContext', version: 1, topic: 't', description: '', payload: z.object({}) })).toThrow(/context/);
  });
});

describe('topics', () => {
  it('declares one topic per context plus its dead-letter twin', () => {
    const specs = topicSpecs();
    expect(specs).toHaveLength(Object.keys(TOPICS).length * 2);
    expect(specs.find((s) => s.name === dlqTopicOf(TOPICS.registration.name))?.partitions).toBe(1);
  });
});

describe('registration published language', () => {
  it('every registration event travels on the registration topic and has a unique full name', () => {
    expect(new Set(registrationEvents.map((e) => e.fullName)).size).toBe(registrationEvents.length);
    expect(registrationEvents.every((e) => e.topic === TOPICS.registration.name)).toBe(true);
  });
  it('participant-registered rejects a payload without activity types or with a bad date', () => {
    const base = {
      participantId: '018f0000-0000-7000-8000-000000000001',
      applicationId: '018f0000-0000-7000-8000-000000000002',
      bin: '123456789012',
      companyName: 'X',
      address: 'Astana',
      activityTypes: [{ code: 'A', name: 'A' }],
      contractNumber: 'C-1',
      contractSignedOn: '2026-03-02',
      termStart: '2026-03-02',
      termEnd: '2029-03-01',
      certificateNumber: 'AH-1',
      certificateDueDate: '2026-03-05',
    };
    expect(ParticipantRegisteredV1.payload.safeParse(base).success).toBe(true);
    expect(ParticipantRegisteredV1.payload.safeParse({ ...base, activityTypes: [] }).success).toBe(false);
    expect(ParticipantRegisteredV1.payload.safeParse({ ...base, termEnd: '2029-02-30' }).success).toBe(false);
  });
});
