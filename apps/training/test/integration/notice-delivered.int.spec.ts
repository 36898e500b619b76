import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventEnvelope, NoticeDeliveredV1, type PayloadOf } from '@hub/contracts';
import { type ConsumeOutcome, envelopeMessage } from '@hub/messaging';
import { uuidv7 } from '@hub/kernel';

import { type Harness, auth, json, newBin, poller, startHarness } from '../support/training-harness.js';
import { announceIntake, appoint, completeApplication, memberToken, presented } from '../support/training-fixtures.js';
import { NOTIFICATIONS_EVENTS_CONSUMER } from '../../src/commission/interface/kafka/notifications-events.consumer.js';
import { consumerOf } from '@hub/nest-commons';

/**
 * Issue #16, ADR 0094: notifications' proof of delivery of the F-74 decision notice
 * (`notifications.notice-delivered` v1) records the notice and meets the 5 WD deadline — through the
 * app's real consumer (decode, inbox, handler in the inbox's transaction) on the real database. The
 * officer's record stays the fallback; the first proof stands.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('training_notice', { env: { TRAINING_REGISTERS: 'development' } });
});
afterAll(async () => {
  await h?.close();
});

const deliverNotifications = (e: EventEnvelope, offset = '0'): Promise<ConsumeOutcome> => {
  const consumer = consumerOf(h.app, NOTIFICATIONS_EVENTS_CONSUMER.name);
  return consumer.consume(envelopeMessage(NOTIFICATIONS_EVENTS_CONSUMER.topics[0]!, e, { offset, key: e.aggregateId }));
};

const noticeDelivered = (
  subject: { applicationId: string; bin: string; sourceEventId: string },
  overrides: Partial<PayloadOf<typeof NoticeDeliveredV1>> = {},
): EventEnvelope<PayloadOf<typeof NoticeDeliveredV1>> => ({
  id: uuidv7(),
  type: NoticeDeliveredV1.type,
  version: 1,
  occurredAt: '2026-11-17T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: subject.sourceEventId,
  aggregateId: subject.bin,
  payload: {
    messageId: uuidv7(),
    sourceEventId: subject.sourceEventId,
    sourceEventType: 'training.decision-made',
    subjectId: subject.applicationId,
    bin: subject.bin,
    ruleId: 'F-74',
    channel: 'email',
    deliveredAt: '2026-11-17T10:15:00.000+05:00',
    contentHash: 'cd'.repeat(32),
    ...overrides,
  },
});

type View = { noticeSentOn: string | null; noticeSentVia: string | null; missedDeadlines: string[] };
const officer = () => h.token(['training-officer']);
const view = async (id: string) =>
  json<View>(
    await h
      .http()
      .get(`/provider-applications/${id}`)
      .set(auth(await officer())),
  );
const onBoard = async (id: string) =>
  json<{ items: { subjectId: string; ruleId: string }[] }>(
    await h
      .http()
      .get('/deadlines')
      .set(auth(await officer())),
  ).items.some((d) => d.subjectId === id && d.ruleId === 'F-74');

/** Three applications of one intake, admitted by a full Commission (everyone votes admit) on Monday 16 November 2026: F-74 due 23 November. */
async function decided(): Promise<{ id: string; bin: string; sourceEventId: string }[]> {
  h.clock.set('2026-11-16T04:00:00Z');
  const intakeId = await announceIntake(h);
  const apps = [await completeApplication(h, intakeId), await completeApplication(h, intakeId), await completeApplication(h, intakeId)];
  const tag = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const members = [`f-${tag}`, `i-${tag}`, `x-${tag}`];
  await appoint(h, intakeId, members[0]!, 'fund');
  await appoint(h, intakeId, members[1]!, 'ict-specialist');
  await appoint(h, intakeId, members[2]!, 'international-expert');
  await presented(
    h,
    apps.map((a) => a.id),
  );
  for (const m of members) {
    const token = await memberToken(h, m);
    expect((await h.http().post(`/intakes/${intakeId}/commission/declaration`).set(auth(token)).send({ hasConflict: false, statement: 'none' })).status).toBe(
      200,
    );
    for (const a of apps)
      expect((await h.http().post(`/provider-applications/${a.id}/votes`).set(auth(token)).send({ choice: 'admit', score: 80, reason: 'good' })).status).toBe(
        201,
      );
  }
  const res = await h
    .http()
    .post(`/intakes/${intakeId}/commission/decision`)
    .set(auth(await h.token(['commission-secretary'])))
    .send({ budget: 30 });
  expect(res.status).toBe(201);
  return Promise.all(
    apps.map(async (a) => {
      const [decision] = await h.sql<{ id: string }>(
        `select envelope->>'id' as id from hub_outbox where event_type = 'training.decision-made' and envelope->>'aggregateId' = ?`,
        [a.id],
      );
      return { id: a.id, bin: a.bin, sourceEventId: decision!.id };
    }),
  );
}

describe('F-74: the delivered decision notice is the proof of notice', () => {
  let A: { id: string; bin: string; sourceEventId: string };
  let B: { id: string; bin: string; sourceEventId: string };
  let C: { id: string; bin: string; sourceEventId: string };
  beforeAll(async () => {
    [A, B, C] = (await decided()) as [typeof A, typeof A, typeof A];
  });

  it('F-74: an e-mail delivery records the notice on the day of delivery (Almaty) with its proof, takes it off the deadlines board, is handled once, and the officer cannot record it again', async () => {
    expect(await onBoard(A.id)).toBe(true);
    const event = noticeDelivered({ applicationId: A.id, bin: A.bin, sourceEventId: A.sourceEventId }, { deliveredAt: '2026-11-17T21:30:00.000Z' });
    expect(await deliverNotifications(event)).toBe('handled');
    expect(await deliverNotifications(event, '1')).toBe('duplicate');

    const v = await view(A.id);
    expect(v).toMatchObject({ noticeSentOn: '2026-11-18', noticeSentVia: 'email', missedDeadlines: [] }); // 02:30 on the 18th in Almaty
    expect(await onBoard(A.id)).toBe(false);
    const [row] = await h.sql<{ proof: Record<string, string> }>(`select notice_proof as proof from training_provider_application where id = ?`, [A.id]);
    expect(row!.proof).toEqual({
      via: 'email',
      messageId: event.payload.messageId,
      contentHash: 'cd'.repeat(32),
      sourceEventId: A.sourceEventId,
      deliveredAt: '2026-11-17T21:30:00.000Z',
    });
    const notices = json<{ kind: string; ruleId: string; text: string }[]>(
      await h
        .http()
        .get(`/provider-applications/${A.id}/notices`)
        .set(auth(await h.token(['applicant'], [A.bin]))),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'decision', ruleId: 'F-74' });
    expect(notices[0]!.text).toContain(event.payload.messageId);
    expect(await h.sql(`select status from hub_timer where kind = 'training.decision-notice-due' and timer_key = ?`, [A.id])).toEqual([
      { status: 'cancelled' },
    ]);
    expect(
      (
        await h
          .http()
          .post(`/provider-applications/${A.id}/decision-notice`)
          .set(auth(await officer()))
      ).status,
    ).toBe(409);
  });

  it('F-74: when the officer recorded the notice first (the fallback), a later delivery keeps the first proof; a remarks notice (F-70) changes nothing', async () => {
    expect(
      await deliverNotifications(
        noticeDelivered({ applicationId: C.id, bin: C.bin, sourceEventId: uuidv7() }, { ruleId: 'F-70', sourceEventType: 'training.remarks-issued' }),
      ),
    ).toBe('handled');
    expect((await view(C.id)).noticeSentOn).toBeNull();

    expect(
      (
        await h
          .http()
          .post(`/provider-applications/${C.id}/decision-notice`)
          .set(auth(await officer()))
      ).status,
    ).toBe(200);
    expect(
      await deliverNotifications(
        noticeDelivered({ applicationId: C.id, bin: C.bin, sourceEventId: C.sourceEventId }, { channel: 'portal', deliveredAt: '2026-11-19T05:00:00.000Z' }),
      ),
    ).toBe('handled');
    expect(await view(C.id)).toMatchObject({ noticeSentOn: '2026-11-16', noticeSentVia: 'officer-record' });
  });

  it('F-74: a delivery after the 5th working day is recorded and marked missed; a BIN that is not the application’s is dead-lettered', async () => {
    const wrong = noticeDelivered({ applicationId: B.id, bin: newBin(), sourceEventId: B.sourceEventId });
    expect(await deliverNotifications(wrong)).toBe('dead-lettered');
    expect((await view(B.id)).noticeSentOn).toBeNull();

    h.clock.set('2026-11-24T04:00:00Z');
    expect(
      await deliverNotifications(
        noticeDelivered({ applicationId: B.id, bin: B.bin, sourceEventId: B.sourceEventId }, { channel: 'portal', deliveredAt: '2026-11-24T04:00:00.000Z' }),
      ),
    ).toBe('handled');
    expect(await view(B.id)).toMatchObject({ noticeSentOn: '2026-11-24', noticeSentVia: 'portal', missedDeadlines: ['F-74'] });
    await poller(h).runDue(); // the timer was cancelled with the delivery: nothing marked twice
    expect((await view(B.id)).missedDeadlines).toEqual(['F-74']);
    h.clock.set('2026-11-16T04:00:00Z');
  });
});
