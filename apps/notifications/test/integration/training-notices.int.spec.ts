import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1, TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { testKafkaBrokers, uniqueName } from '@hub/testing';
import {
  type Harness,
  auth,
  deliverTraining,
  delivery,
  messagesOf,
  newBin,
  outboxOf,
  prefer,
  startHarness,
  trainingDecisionMade,
  trainingRemarksIssued,
} from '../support/notifications-harness.js';

/**
 * Issue #16: training's facts become statutory notices to the provider company through
 * notifications' real consumer on the real database and a real SMTP server — the F-70 remarks (with
 * the F-71 day to fix them) and the F-74 decision (admission with quotas, or the reasoned refusal),
 * whose delivery is published as the proof training records (ADR 0094).
 */
let h: Harness;
beforeAll(async () => {
  // This run's own topics: the broken decision below is dead-lettered on purpose, and must land on
  // this run's DLQ — not on the shared stack's hub.training.events.v1.dlq (issue #13 found it there).
  const prefix = `t.${uniqueName('notifications-training').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'notifications-training-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [TOPICS.training.name, TOPICS.notifications.name].some((n) => t.name === n || t.name === `${n}.dlq`)));
  } finally {
    await admin.close();
  }
  h = await startHarness('notifications_training', { env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
});
afterAll(async () => {
  await h?.close();
});

const proofsOf = async (sourceEventId: string) =>
  (await outboxOf(h, NoticeDeliveredV1.type))
    .filter((o) => o.envelope.payload['sourceEventId'] === sourceEventId)
    .map((o) => [o.envelope.payload['ruleId'], o.envelope.payload['channel'], o.envelope.payload['subjectId'], o.envelope.payload['sourceEventType']]);

describe("training's facts become statutory notices (F-70, F-74)", () => {
  it('F-70: the remarks reach the provider in its language with each remark and the F-71 day, by e-mail and in the portal, once; the accepted e-mail is published as the proof', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', `school@${bin}.kz`);
    const event = trainingRemarksIssued({ bin });
    expect(await deliverTraining(h, event)).toBe('handled');
    expect(await deliverTraining(h, event, '1')).toBe('duplicate');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.language])).toEqual([
      ['email', 'ru'],
      ['portal', 'ru'],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub, ИКТ-обучение: замечания по вашей заявке провайдера');
    expect(rows[0]!.body).toContain('- The curriculum of week 3 lacks hours of practice\n- No student selection criteria');
    expect(rows[0]!.body).toContain('до 30.11.2026');
    expect(rows[0]!.body).toContain(`/training/applications/${event.payload.applicationId}`);

    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toContain('sent');
    expect(h.smtp.messages().filter((m) => m.to.includes(`school@${bin}.kz`))).toHaveLength(1);
    expect(await proofsOf(event.id)).toEqual([['F-70', 'email', event.payload.applicationId, 'training.remarks-issued']]);
  });

  it('F-74: an admission names the quotas and the F-75 contract day, carries the 5 WD due day, and read in the portal it is the proof of notice', async () => {
    const bin = newBin();
    const event = trainingDecisionMade({ bin }); // no preference: Kazakh, the portal only
    expect(await deliverTraining(h, event)).toBe('handled');
    const [portal, ...rest] = await messagesOf(h, event.id);
    expect(rest).toEqual([]);
    expect(portal).toMatchObject({ channel: 'portal', language: 'kk', subject: 'Astana Hub, АКТ-оқыту: провайдер өтінішіңіз мақұлданды' });
    expect(portal!.body).toContain('25 білім алушы орнын');
    expect(portal!.body).toContain('30.11.2026 дейін');
    expect(await h.sql(`select due_on::text as due from notifications_message where id = ?`, [portal!.id])).toEqual([{ due: '2026-11-23' }]);

    const token = await h.token(['applicant'], [bin]);
    expect((await h.http().post(`/inbox/${portal!.id}/read`).set(auth(token))).status).toBe(200);
    expect(await proofsOf(event.id)).toEqual([['F-74', 'portal', event.payload.applicationId, 'training.decision-made']]);
  });

  it('F-74: a refusal names every reason, in English when the company chose it', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', null);
    const event = trainingDecisionMade({
      bin,
      outcome: 'rejected',
      quotas: null,
      contractDueOn: null,
      reasons: ['F-72: no majority for the course', 'F-77: not an active participant on the day of the decision'],
    });
    expect(await deliverTraining(h, event)).toBe('handled');
    const [portal] = await messagesOf(h, event.id);
    expect(portal!.subject).toBe('Astana Hub ICT training: reasoned refusal of your provider application');
    expect(portal!.body).toContain('On 2026-11-16 the Independent Commission refused');
    expect(portal!.body).toContain('- F-72: no majority for the course\n- F-77: not an active participant on the day of the decision');
  });

  it('an admission without its contract day is a broken contract (training.decision-made v1 refuses it): dead-lettered, no message', async () => {
    const event = trainingDecisionMade({ contractDueOn: null });
    expect(await deliverTraining(h, event)).toBe('dead-lettered');
    expect(await messagesOf(h, event.id)).toEqual([]);
  });
});
