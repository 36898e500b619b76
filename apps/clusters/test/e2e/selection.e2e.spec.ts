import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, TEST_SET, anApplicationContent, auth, bus, json, newBin, participantRegistered, startHarness } from '../support/clusters-harness.js';

const topic = TOPICS.clusters.name;
const consumed = TOPICS.registration.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (HUB_KAFKA_TOPIC_PREFIX; `t.` so that tools/hub test prunes them): the app
  // and the probe see the contracts' topic names, the broker holds only this run's events, and the
  // consumer groups carry the prefix too. The topics exist before the app starts, because with
  // workers on its consumer subscribes to registration's topic while it boots.
  const prefix = `t.${uniqueName('clusters-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'clusters-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [topic, consumed].some((name) => t.name === name || t.name === `${name}.dlq`)));
  } finally {
    await admin.close();
  }
  h = await startHarness('clusters_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

describe('end to end through HTTP, the outbox relay and Kafka (workers on)', () => {
  it('a filed application reaches the clusters topic as application-filed v1, keyed by the BIN; the round as round-announced v1', async () => {
    const round = await h
      .http()
      .post('/rounds')
      .set(auth(await h.token(['cluster-organiser'])))
      .send({ ruleSetId: TEST_SET, title: 'End to end round', applicationDeadline: '2027-01-15T18:00:00+05:00' });
    expect(round.status).toBe(201);
    const roundId = json<{ id: string }>(round).id;
    const bin = newBin();
    const filed = await h
      .http()
      .post('/applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ roundId, bin, ...anApplicationContent() });
    expect(filed.status).toBe(201);
    const id = json<{ id: string }>(filed).id;
    const announced = await probe.waitFor('round-announced of this round', (m) => (m.value?.includes(roundId) && m.value.includes('round-announced')) ?? false);
    expect(announced.key).toBe(roundId);
    const message = await probe.waitFor('application-filed of this application', (m) => m.value?.includes(id) ?? false);
    expect(message.key).toBe(bin);
    const envelope = JSON.parse(message.value ?? '{}') as { type: string; version: number; payload: Record<string, unknown> };
    expect(envelope).toMatchObject({
      type: 'clusters.application-filed',
      version: 1,
      payload: { applicationId: id, roundId, bin, complianceDueOn: '2026-11-23' },
    });
  });

  it("registration's participant-registered on its topic reaches this context's participants through the consumer", async () => {
    const event = participantRegistered();
    await bus(h).publish([{ topic: consumed, key: event.payload.bin, value: JSON.stringify(event) }]);
    const rows = await waitFor('the participant in clusters_participant', async () => {
      const found = await h.sql<{ bin: string }>(`select bin from clusters_participant where participant_id = ?`, [event.payload.participantId]);
      return found.length > 0 ? found : undefined;
    });
    expect(rows).toEqual([{ bin: event.payload.bin }]);
    expect(await h.sql(`select event_type from hub_inbox where event_id = ?`, [event.id])).toEqual([{ event_type: 'registration.participant-registered' }]);
  });
});
