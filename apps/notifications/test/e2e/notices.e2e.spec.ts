import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionMadeV1, type EventEnvelope, type PayloadOf, TOPICS, topicSpecs } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, auth, bus, newBin, startHarness } from '../support/notifications-harness.js';
import { SmtpSink } from '../support/smtp-sink.js';

const topic = TOPICS.notifications.name;
const consumed = TOPICS.registration.name;

let h: Harness;
let probe: TopicProbe;
const sink = new SmtpSink();
beforeAll(async () => {
  const prefix = `t.${uniqueName('notifications-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'notifications-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [topic, consumed].some((name) => t.name === name || t.name === `${name}.dlq`)));
  } finally {
    await admin.close();
  }
  await sink.start();
  h = await startHarness('notif_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix, HUB_SMTP_URL: sink.url, HUB_TIMER_POLL_MS: '100' } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
  await sink.stop();
});

describe('end to end over Kafka and SMTP (workers on; issue #16)', () => {
  it('F-17: registration.decision-made on Kafka → a notice → an e-mail → notifications.notice-delivered on Kafka, keyed by the BIN', async () => {
    const bin = newBin();
    const token = await h.token(['applicant'], [bin]);
    expect(
      (await h.http().put(`/notification-settings/${bin}`).set(auth(token)).send({ email: 'board@qazaq.kz', language: 'en', remindersEnabled: true })).status,
    ).toBe(200);
    const decision: EventEnvelope<PayloadOf<typeof DecisionMadeV1>> = {
      id: uuidv7(),
      type: DecisionMadeV1.type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: uuidv7(),
      causationId: null,
      aggregateId: uuidv7(),
      payload: {
        applicationId: uuidv7(),
        bin,
        kind: 'registration',
        decision: 'register',
        grounds: [],
        protocolNumber: 'P-2026-31',
        decidedOn: '2026-11-20',
        notificationDueDate: '2026-11-27',
      },
    };
    await bus(h).publish([{ topic: consumed, key: bin, value: JSON.stringify(decision) }]);
    const mail = await waitFor('the e-mail at the SMTP server', () => Promise.resolve(sink.received.find((m) => m.subject?.includes(bin))), {
      timeoutMs: 30_000,
    });
    expect(mail.subject).toBe(`Decision: registered as a participant (BIN ${bin})`);
    const message = await probe.waitFor(
      'notice-delivered of this decision',
      (m) => (m.value?.includes(decision.id) && m.value.includes('notifications.notice-delivered')) ?? false,
    );
    expect(message.key).toBe(bin);
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({ payload: { sourceEventId: decision.id, ruleId: 'F-17', channel: 'email', dueOn: '2026-11-27' } });
  });
});
