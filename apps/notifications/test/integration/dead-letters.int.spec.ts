import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import { type Harness, auth, decisionMade, deliver, delivery, messagesOf, newBin, outboxOf, prefer, startHarness } from '../support/notifications-harness.js';

/**
 * ADR 0104: the dead letters for the Fund's staff and their resend, over HTTP on the real database
 * with a real SMTP server — a mail refused (451) until its last attempt is listed with the reason
 * and no body; a fund officer resends it to the company's corrected address; the worker then
 * delivers it once and the statutory proof follows. Anything but a dead e-mail is 409.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_dead');
});
afterAll(async () => {
  await h?.close();
});

const minute = 60_000;
type DeadLetter = {
  id: string;
  bin: string;
  status: string;
  recipient: string;
  lastError: string | null;
  attempts: number;
  resendCount: number;
  resentBy: string | null;
};

/** A statutory F-17 notice whose e-mail was refused four times (the harness allows 4 attempts): dead. */
async function deadLetter(bin: string) {
  await prefer(h, bin, 'ru', `typo@${bin}.kz`);
  const event = decisionMade({ bin });
  expect(await deliver(h, event)).toBe('handled');
  h.smtp.reject(true);
  try {
    for (let i = 0; i < 4; i++) {
      await delivery(h).runOnce();
      h.clock.advance(10 * minute);
    }
  } finally {
    h.smtp.reject(false);
  }
  const [mail] = (await messagesOf(h, event.id)).filter((r) => r.channel === 'email');
  expect(mail).toMatchObject({ status: 'dead' });
  return { event, mail: mail! };
}

describe('dead letters and resend (ADR 0104)', () => {
  it('staff see the dead letter with the reason and a masked address, no body; a fund officer resends it to the corrected address; it is delivered once and the F-17 proof is published', async () => {
    const bin = newBin();
    const { event, mail } = await deadLetter(bin);
    const staff = await h.token(['auditor']);
    const listed = await h.http().get(`/messages/dead-letters?bin=${bin}`).set(auth(staff)).expect(200);
    const dead = listed.body as DeadLetter[];
    expect(dead.map((d) => [d.id, d.status, d.recipient, d.attempts, d.resendCount])).toEqual([[mail.id, 'dead', `applicant <t***@${bin}.kz>`, 4, 0]]);
    expect(dead[0]!.lastError).toContain('451');
    expect(JSON.stringify(listed.body)).not.toContain(mail.body.slice(0, 40));
    expect(JSON.stringify(listed.body)).not.toContain(`typo@${bin}.kz`);

    // Only the resend roles resend; an auditor reads but does not act (403).
    expect((await h.http().post(`/messages/${mail.id}/resend`).set(auth(staff))).status).toBe(403);

    await prefer(h, bin, 'ru', `office@${bin}.kz`); // the company corrected its address
    const officer = await h.token(['fund-officer'], [], 'officer-7');
    const resent = await h.http().post(`/messages/${mail.id}/resend`).set(auth(officer)).expect(200);
    expect(resent.body).toMatchObject({ status: 'pending', attempts: 0, resendCount: 1, resentBy: 'officer-7', recipient: `applicant <o***@${bin}.kz>` });
    expect(((await h.http().get(`/messages/dead-letters?bin=${bin}`).set(auth(staff)).expect(200)).body as DeadLetter[]).map((d) => d.id)).toEqual([]);
    // A second resend while it is pending is 409: it is being tried.
    expect((await h.http().post(`/messages/${mail.id}/resend`).set(auth(officer))).status).toBe(409);

    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toEqual(['sent']);
    expect(h.smtp.messages().filter((m) => m.to.includes(`office@${bin}.kz`))).toHaveLength(1);
    expect(h.smtp.messages().filter((m) => m.to.includes(`typo@${bin}.kz`))).toHaveLength(0);
    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toEqual([]);
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((o) => o.envelope.payload['sourceEventId'] === event.id);
    expect(proofs.map((p) => [p.envelope.payload['ruleId'], p.envelope.payload['channel'], p.envelope.payload['messageId']])).toEqual([
      ['F-17', 'email', mail.id],
    ]);
    // A sent mail is not resent.
    expect((await h.http().post(`/messages/${mail.id}/resend`).set(auth(officer))).status).toBe(409);
  });

  it('a portal message is not resent (409); an unknown id is 404; an applicant sees no dead letters (403)', async () => {
    const bin = newBin();
    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    const [portal] = await messagesOf(h, event.id);
    const officer = await h.token(['fund-officer']);
    expect((await h.http().post(`/messages/${portal!.id}/resend`).set(auth(officer))).status).toBe(409);
    expect((await h.http().post(`/messages/0193a1b2-0000-7000-8000-000000000000/resend`).set(auth(officer))).status).toBe(404);
    expect(
      (
        await h
          .http()
          .get('/messages/dead-letters')
          .set(auth(await h.token(['applicant'], [bin])))
      ).status,
    ).toBe(403);
  });
});
