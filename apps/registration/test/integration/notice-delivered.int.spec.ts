import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, actorsFor, auth, body, deliverNotifications, driveTo, noticeDelivered, problem, startHarness } from '../support/registration-harness.js';

/**
 * Issue #16, ADR 0092: notifications' proof of delivery of the F-17 decision notice
 * (`notifications.notice-delivered` v1) closes the 5 WD notification deadline — through the app's
 * real consumer (decode, inbox, handler in the inbox's transaction) on the real database. The
 * officer's record stays as the fallback; the first proof stands.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_notice', { start: '2026-11-16T04:00:00Z' });
});
afterAll(async () => {
  await h?.close();
});

type View = { notifiedAt: string | null; notifiedVia: string | null; deadlines: { kind: string; status: string }[] };
const decided = async (until: 'registered' | 'refused') => {
  h.clock.set('2026-11-16T04:00:00Z');
  const a = await actorsFor(h);
  const id = await driveTo(h, a, until);
  const [decision] = await h.sql<{ id: string }>(
    `select envelope->>'id' as id from hub_outbox where event_type = 'registration.decision-made' and envelope->>'aggregateId' = ?`,
    [id],
  );
  return { a, id, sourceEventId: decision!.id };
};
const view = async (a: { officer: string }, id: string) => body<View>(await h.http().get(`/applications/${id}`).set(auth(a.officer)));
const notificationDeadline = (v: View) => v.deadlines.find((d) => d.kind === 'decision-notification')?.status;

describe('F-17: the delivered decision notice is the proof of notice', () => {
  it('F-17: an e-mail delivery of the decision notice records the notice at the delivery moment, closes the 5 WD deadline, and is handled once', async () => {
    const { a, id, sourceEventId } = await decided('registered');
    expect(notificationDeadline(await view(a, id))).toBe('open');

    const event = noticeDelivered({ applicationId: id, bin: a.bin, sourceEventId }, { deliveredAt: '2026-11-18T09:30:00.000+05:00' });
    expect(await deliverNotifications(h, event)).toBe('handled');
    expect(await deliverNotifications(h, event, '1')).toBe('duplicate');

    const v = await view(a, id);
    expect(v.notifiedAt).toBe('2026-11-18T04:30:00.000Z');
    expect(v.notifiedVia).toBe('email');
    expect(notificationDeadline(v)).toBe('met');
    const [row] = await h.sql<{ proof: Record<string, string> }>(`select notification_proof as proof from registration_application where id = ?`, [id]);
    expect(row!.proof).toEqual({ via: 'email', messageId: event.payload.messageId, contentHash: 'ab'.repeat(32), sourceEventId });

    // The officer cannot record it a second time.
    const again = await h.http().post(`/applications/${id}/notification`).set(auth(a.officer));
    expect(again.status).toBe(409);
    expect(problem(again).detail).toMatch(/already notified/);
  });

  it('F-17: when the officer recorded the notice first (the fallback), a later delivery keeps the first proof', async () => {
    const { a, id, sourceEventId } = await decided('refused');
    expect((await h.http().post(`/applications/${id}/notification`).set(auth(a.officer))).status).toBe(200);
    const recorded = await view(a, id);
    expect(recorded.notifiedVia).toBe('officer-record');

    expect(await deliverNotifications(h, noticeDelivered({ applicationId: id, bin: a.bin, sourceEventId }, { channel: 'portal' }))).toBe('handled');
    const after = await view(a, id);
    expect(after.notifiedVia).toBe('officer-record');
    expect(after.notifiedAt).toBe(recorded.notifiedAt);
    expect(notificationDeadline(after)).toBe('met');
  });

  it('F-14: a delivered remarks notice is not a decision notice — the F-17 deadline stays open', async () => {
    const { a, id, sourceEventId } = await decided('registered');
    const remarks = noticeDelivered({ applicationId: id, bin: a.bin, sourceEventId }, { ruleId: 'F-14', sourceEventType: 'registration.remarks-issued' });
    expect(await deliverNotifications(h, remarks)).toBe('handled');
    const v = await view(a, id);
    expect(v.notifiedAt).toBeNull();
    expect(notificationDeadline(v)).toBe('open');
  });

  it("F-35: a notice naming another company's BIN for the application is a broken contract — dead-lettered, nothing recorded", async () => {
    const { a, id, sourceEventId } = await decided('registered');
    const other = await actorsFor(h);
    const wrong = noticeDelivered({ applicationId: id, bin: other.bin, sourceEventId });
    expect(await deliverNotifications(h, wrong)).toBe('dead-lettered');
    expect((await view(a, id)).notifiedAt).toBeNull();
    expect(await h.sql(`select 1 from hub_inbox where event_id = ?`, [wrong.id])).toEqual([]);
  });
});
