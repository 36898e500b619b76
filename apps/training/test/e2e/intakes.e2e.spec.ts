import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, auth, bus, json, participationStarted, startHarness } from '../support/training-harness.js';

const topic = TOPICS.training.name;
const consumed = TOPICS.participation.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (HUB_KAFKA_TOPIC_PREFIX; `t.` so that tools/hub test prunes them): the app
  // and the probe see the contracts' topic names, the broker holds only this run's events, and the
  // consumer groups carry the prefix too. The topics exist before the app starts, because with
  // workers on its consumer subscribes to registration's and participation's topics while it boots.
  const prefix = `t.${uniqueName('training-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'training-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(
      topicSpecs().filter((t) => [topic, consumed, TOPICS.registration.name].some((name) => t.name === name || t.name === `${name}.dlq`)),
    );
  } finally {
    await admin.close();
  }
  h = await startHarness('training_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

describe('end to end through HTTP, the outbox relay and Kafka (workers on)', () => {
  it("a participant known from participation's topic files a provider application; it reaches the training topic keyed by the BIN (F-77, F-65)", async () => {
    const event = participationStarted();
    const bin = event.payload.bin;
    await bus(h).publish([{ topic: consumed, key: bin, value: JSON.stringify(event) }]);
    await waitFor('the participation in training_participation', async () => {
      const found = await h.sql<{ bin: string }>(`select bin from training_participation where participation_id = ?`, [event.payload.participationId]);
      return found.length > 0 ? found : undefined;
    });
    expect(await h.sql(`select event_type from hub_inbox where event_id = ?`, [event.id])).toEqual([{ event_type: 'participation.participation-started' }]);

    const intake = await h
      .http()
      .post('/intakes')
      .set(auth(await h.token(['training-officer'])))
      .send({
        title: 'End to end intake',
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
        selectionCriteria: { version: '1', text: 'Criteria' },
        intakeOrder: { version: '1', text: 'Order' },
      });
    expect(intake.status).toBe(201);
    const intakeId = json(intake).id;
    const announced = await probe.waitFor('intake-announced of this intake', (m) => m.value?.includes(intakeId) ?? false);
    expect(JSON.parse(announced.value ?? '{}')).toMatchObject({ type: 'training.intake-announced', version: 1 });

    const created = await h
      .http()
      .post('/provider-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({
        intakeId,
        bin,
        language: 'kk',
        courses: [
          {
            name: 'Data engineering',
            description: 'Six months of data engineering',
            curriculum: [{ week: 1, topics: 'SQL', academicHours: 24 }],
            durationMonths: 6,
            studentSelectionCriteria: 'Interview',
            priceTiyn: 30_000_000,
          },
        ],
        declarationOfAccuracy: true,
      });
    expect(created.status).toBe(201);
    const { id } = json(created);
    const message = await probe.waitFor('provider-application-filed of this application', (m) => m.value?.includes(id) ?? false);
    expect(message.key).toBe(bin);
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'training.provider-application-filed',
      version: 1,
      payload: { applicationId: id, intakeId, bin, reviewDueOn: '2026-11-30', courses: [{ academicHours: 24, priceTiyn: 30_000_000 }] },
    });
  });
});
