import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1, TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, type MessageBus, PrefixedMessageBus } from '@hub/messaging';
import { MESSAGE_BUS } from '@hub/nest-commons';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, decisionMade, messagesOf, newBin, prefer, startHarness } from '../support/notifications-harness.js';

const consumed = TOPICS.registration.name;
const published = TOPICS.notifications.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (`t.` so that tools/hub test prunes them), made before the app starts.
  const prefix = `t.${uniqueName('notifications-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'notifications-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [consumed, published].some((name) => t.name === name || t.name === `${name}.dlq`)));
  } finally {
    await admin.close();
  }
  h = await startHarness('notifications_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(h.app.get(MESSAGE_BUS), published);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

describe('end to end over Kafka (workers on: consumer, e-mail worker, outbox relay) with a real SMTP server', () => {
  it('registration.decision-made on Kafka → one e-mail in the company’s language through SMTP → notifications.notice-delivered on Kafka, once', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', `e2e@${bin}.kz`);
    const event = decisionMade({ bin });
    // Published twice, as an at-least-once producer may: one notice.
    const message = { topic: consumed, key: bin, value: JSON.stringify(event) };
    await h.app.get<MessageBus>(MESSAGE_BUS).publish([message, message]);

    const mail = await waitFor('the e-mail at the SMTP server', () => h.smtp.messages().find((m) => m.to.includes(`e2e@${bin}.kz`)));
    expect(mail.subject).toBe('Astana Hub: your application has been approved');
    const proof = await probe.waitFor(
      NoticeDeliveredV1.type,
      (m) => (JSON.parse(m.value ?? '{}') as { payload?: { sourceEventId?: string } }).payload?.sourceEventId === event.id,
    );
    const envelope = JSON.parse(proof.value ?? '{}') as { payload: Record<string, unknown> };
    expect(envelope.payload).toMatchObject({ bin, ruleId: 'F-17', channel: 'email', subjectId: event.payload.applicationId });

    // Time for a second copy to show up if anything were to send twice.
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.smtp.messages().filter((m) => m.to.includes(`e2e@${bin}.kz`))).toHaveLength(1);
    expect((await messagesOf(h, event.id)).map((r) => [r.channel, r.status])).toEqual([
      ['email', 'sent'],
      ['portal', 'unread'],
    ]);
  });
});
