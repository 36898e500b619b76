import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import { type Harness, decisionMade, deliver, delivery, messagesOf, newBin, outboxOf, prefer, startHarness } from '../support/notifications-harness.js';

// The harness: at most 4 attempts, backoff 60 s, 120 s, 240 s … (capped at 600 s).
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_outage');
});
afterAll(async () => {
  await h?.close();
});

const minute = 60_000;

describe('durable e-mail delivery (ADR 0091) against a real SMTP server that goes away', () => {
  it('SMTP down → the mail waits with exponential backoff → SMTP up → delivered exactly once', async () => {
    const bin = newBin();
    await prefer(h, bin, 'kk', `outage@${bin}.kz`);
    const event = decisionMade({ bin });
    await deliver(h, event);
    await h.smtpDown();

    const first = await delivery(h).runOnce();
    expect(first.map((o) => o.outcome)).toEqual(['retry']);
    let [mail] = (await messagesOf(h, event.id)).filter((r) => r.channel === 'email');
    expect(mail).toMatchObject({ status: 'pending', attempts: 1 });
    expect(mail!.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(new Date(mail!.next_attempt_at!).getTime() - h.clock.now().getTime()).toBe(minute);

    // Not due yet: nothing is tried.
    expect(await delivery(h).runOnce()).toEqual([]);
    h.clock.advance(minute);
    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toEqual(['retry']);
    [mail] = (await messagesOf(h, event.id)).filter((r) => r.channel === 'email');
    expect(mail!.attempts).toBe(2);
    expect(new Date(mail!.next_attempt_at!).getTime() - h.clock.now().getTime()).toBe(2 * minute);

    await h.smtpUp();
    h.clock.advance(2 * minute);
    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toEqual(['sent']);
    expect(await delivery(h).runOnce()).toEqual([]);
    expect(h.smtp.messages().filter((m) => m.to.includes(`outage@${bin}.kz`))).toHaveLength(1);
    [mail] = (await messagesOf(h, event.id)).filter((r) => r.channel === 'email');
    expect(mail).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await outboxOf(h, NoticeDeliveredV1.type)).filter((r) => r.envelope.payload.sourceEventId === event.id)).toHaveLength(1);
  });

  it('after the last attempt the mail is dead-lettered with the reason, and no delivery is claimed', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', `dead@${bin}.kz`);
    const event = decisionMade({ bin });
    await deliver(h, event);
    h.smtp.reject(true);
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 4; i++) {
        outcomes.push(...(await delivery(h).runOnce()).map((o) => o.outcome));
        h.clock.advance(10 * minute);
      }
      expect(outcomes).toEqual(['retry', 'retry', 'retry', 'dead']);
    } finally {
      h.smtp.reject(false);
    }
    const [mail] = (await messagesOf(h, event.id)).filter((r) => r.channel === 'email');
    expect(mail).toMatchObject({ status: 'dead', attempts: 4, next_attempt_at: null });
    expect(mail!.last_error).toContain('451');
    expect(await delivery(h).runOnce()).toEqual([]);
    expect((await outboxOf(h, NoticeDeliveredV1.type)).filter((r) => r.envelope.payload.sourceEventId === event.id)).toEqual([]);
    // Operators see it on /metrics.
    const metrics = await h.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^hub_notifications_messages\{[^}]*channel="email"[^}]*status="dead"[^}]*\} [1-9]/m);
  });

  it('two workers at once never send one mail twice (FOR UPDATE SKIP LOCKED)', async () => {
    const bins = Array.from({ length: 6 }, () => newBin());
    for (const bin of bins) {
      await prefer(h, bin, 'en', `race@${bin}.kz`);
      await deliver(h, decisionMade({ bin }));
    }
    const [a, b] = await Promise.all([delivery(h).runOnce(), delivery(h).runOnce()]);
    const sent = [...a, ...b].filter((o) => o.outcome === 'sent').map((o) => o.messageId);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (const bin of bins) expect(h.smtp.messages().filter((m) => m.to.includes(`race@${bin}.kz`))).toHaveLength(1);
  });
});
