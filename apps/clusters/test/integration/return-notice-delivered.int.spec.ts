import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventEnvelope, NoticeDeliveredV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import type { ConsumeOutcome } from '@hub/messaging';

import { type Harness, TEST_SET, anApplicationContent, auth, json, newBin, startHarness } from '../support/clusters-harness.js';
import { NOTIFICATIONS_EVENTS_CONSUMER } from '../../src/selection/interface/kafka/notifications-events.consumer.js';
import { envelopeMessage } from '@hub/messaging';
import { consumerOf } from '@hub/nest-commons';

/**
 * Issue #16, ADR 0094: notifications' proof of delivery of the C-12 written notice of a return
 * (`notifications.notice-delivered` v1) is recorded on the returned application — through the app's
 * real consumer (decode, inbox, handler in the inbox's transaction) on the real database.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_notice'); // clock: Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');

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
    sourceEventType: 'clusters.application-returned',
    subjectId: subject.applicationId,
    bin: subject.bin,
    ruleId: 'C-12',
    channel: 'email',
    deliveredAt: '2026-11-17T10:15:00.000+05:00',
    contentHash: 'ef'.repeat(32),
    ...overrides,
  },
});

type View = { status: string; returnNotice: { delivery?: Record<string, string> | null } | null };

let roundId: string;
beforeAll(async () => {
  const round = await h
    .http()
    .post('/rounds')
    .set(auth(await organiser()))
    .send({ ruleSetId: TEST_SET, title: 'Round for the notices', applicationDeadline: '2027-01-15T18:00:00+05:00' });
  expect(round.status).toBe(201);
  roundId = json<{ id: string }>(round).id;
});

/** A filed application, and the organiser's C-12 check: returned with one deficiency (or found compliant). */
async function checked(compliant: boolean): Promise<{ id: string; bin: string; sourceEventId: string | null }> {
  const bin = newBin();
  const filed = await h
    .http()
    .post('/applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ roundId, bin, ...anApplicationContent() });
  expect(filed.status).toBe(201);
  const id = json<{ id: string }>(filed).id;
  const res = await h
    .http()
    .post(`/applications/${id}/compliance`)
    .set(auth(await organiser()))
    .send(compliant ? { compliant: true } : { compliant: false, deficiencies: [{ field: 'information.importance.export', reason: 'one year of five' }] });
  expect(res.status).toBe(200);
  const [returned] = await h.sql<{ id: string }>(
    `select envelope->>'id' as id from hub_outbox where event_type = 'clusters.application-returned' and envelope->>'aggregateId' = ?`,
    [id],
  );
  return { id, bin, sourceEventId: returned?.id ?? null };
}
const view = async (id: string, bin: string) =>
  json<View>(
    await h
      .http()
      .get(`/applications/${id}`)
      .set(auth(await h.token(['applicant'], [bin]))),
  );

describe('C-12: the delivered written notice of a return is recorded on the application', () => {
  it('C-12: an e-mail delivery is recorded with its channel, moment, message id and content hash, once; a later portal read keeps the first proof', async () => {
    const a = await checked(false);
    expect((await view(a.id, a.bin)).returnNotice?.delivery ?? null).toBeNull();
    const event = noticeDelivered({ applicationId: a.id, bin: a.bin, sourceEventId: a.sourceEventId! });
    expect(await deliverNotifications(event)).toBe('handled');
    expect(await deliverNotifications(event, '1')).toBe('duplicate');
    const expected = {
      via: 'email',
      deliveredAt: '2026-11-17T05:15:00.000Z',
      messageId: event.payload.messageId,
      contentHash: 'ef'.repeat(32),
      sourceEventId: a.sourceEventId,
    };
    expect((await view(a.id, a.bin)).returnNotice?.delivery).toEqual(expected);

    const portal = noticeDelivered(
      { applicationId: a.id, bin: a.bin, sourceEventId: a.sourceEventId! },
      { channel: 'portal', deliveredAt: '2026-11-18T05:00:00.000Z' },
    );
    expect(await deliverNotifications(portal)).toBe('handled');
    expect((await view(a.id, a.bin)).returnNotice?.delivery).toEqual(expected);
  });

  it("another rule's notice changes nothing; another company's BIN or an application that was not returned is a broken contract — dead-lettered, nothing recorded", async () => {
    const a = await checked(false);
    expect(
      await deliverNotifications(
        noticeDelivered(
          { applicationId: a.id, bin: a.bin, sourceEventId: a.sourceEventId! },
          { ruleId: 'C-21', sourceEventType: 'clusters.results-published' },
        ),
      ),
    ).toBe('handled');
    expect(await deliverNotifications(noticeDelivered({ applicationId: a.id, bin: newBin(), sourceEventId: a.sourceEventId! }))).toBe('dead-lettered');
    expect((await view(a.id, a.bin)).returnNotice?.delivery ?? null).toBeNull();

    const compliant = await checked(true);
    expect(await deliverNotifications(noticeDelivered({ applicationId: compliant.id, bin: compliant.bin, sourceEventId: uuidv7() }))).toBe('dead-lettered');
    expect((await view(compliant.id, compliant.bin)).returnNotice).toBeNull();
  });
});
