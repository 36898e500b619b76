import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, auth, bus, json, newBin, participantRegistered, startHarness } from '../support/housing-harness.js';

const topic = TOPICS.housing.name;
const consumed = TOPICS.registration.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (HUB_KAFKA_TOPIC_PREFIX; `t.` so that tools/hub test prunes them): the app
  // and the probe see the contracts' topic names, the broker holds only this run's events, and the
  // consumer groups carry the prefix too. The topics exist before the app starts, because with
  // workers on its consumer subscribes to registration's topic while it boots.
  const prefix = `t.${uniqueName('housing-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'housing-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [topic, consumed].some((name) => t.name === name || t.name === `${name}.dlq`)));
  } finally {
    await admin.close();
  }
  h = await startHarness('housing_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

describe('end to end through HTTP, the outbox relay and Kafka (workers on)', () => {
  it('an opened request reaches the housing topic as request-opened v1, keyed by the BIN', async () => {
    const bin = newBin();
    const created = await h
      .http()
      .post('/requests')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ bin, subject: 'End to end request' });
    expect(created.status).toBe(201);
    const { id } = json(created);
    const message = await probe.waitFor('request-opened of this request', (m) => m.value?.includes(id) ?? false);
    expect(message.key).toBe(bin);
    const envelope = JSON.parse(message.value ?? '{}') as { type: string; version: number; payload: Record<string, unknown> };
    expect(envelope).toMatchObject({ type: 'housing.request-opened', version: 1, payload: { requestId: id, bin, reviewDueOn: '2026-11-26' } });
  });

  it("registration's participant-registered on its topic reaches this context's participants through the consumer", async () => {
    const event = participantRegistered();
    await bus(h).publish([{ topic: consumed, key: event.payload.bin, value: JSON.stringify(event) }]);
    const rows = await waitFor('the participant in housing_participant', async () => {
      const found = await h.sql<{ bin: string }>(`select bin from housing_participant where participant_id = ?`, [event.payload.participantId]);
      return found.length > 0 ? found : undefined;
    });
    expect(rows).toEqual([{ bin: event.payload.bin }]);
    expect(await h.sql(`select event_type from hub_inbox where event_id = ?`, [event.id])).toEqual([{ event_type: 'registration.participant-registered' }]);
  });
});
