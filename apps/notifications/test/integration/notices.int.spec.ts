import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateIssuedV1, NoticeDeliveredV1 } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import {
  type Harness,
  decisionMade,
  deliver,
  delivery,
  messagesOf,
  newBin,
  outboxOf,
  prefer,
  remarksIssued,
  startHarness,
} from '../support/notifications-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_notices');
});
afterAll(async () => {
  await h?.close();
});

const inboxRows = (eventId: string) => h.sql<{ consumer: string }>(`select consumer from hub_inbox where event_id = ?`, [eventId]);

describe("registration's events become notices (the real consumer, database and SMTP server)", () => {
  it('F-17: a decision gives one portal message and one e-mail in the company’s language; the SMTP server gets it once, with the proof of delivery in the outbox', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', 'director@alatau.kz');
    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.status, r.language, r.address])).toEqual([
      ['email', 'pending', 'ru', 'director@alatau.kz'],
      ['portal', 'unread', 'ru', null],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub: по вашему заявлению принято положительное решение');
    expect(rows[0]!.body).toContain('протоколом № P-2026-041 от 13.11.2026');
    expect(rows[0]!.body).toContain('Заявление: регистрация участником Astana Hub.');
    expect(rows[0]!.body).not.toMatch(/\{\{|\}\}/);

    const outcomes = await delivery(h).runOnce();
    expect(outcomes).toEqual([{ messageId: rows[0]!.id, outcome: 'sent' }]);
    const mails = h.smtp.messages().filter((m) => m.to.includes('director@alatau.kz'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(rows[0]!.subject);
    expect(mails[0]!.text.trim()).toBe(rows[0]!.body.trim());
    expect(mails[0]!.headers['x-hub-message-id']).toBe(rows[0]!.id);
    expect((await messagesOf(h, event.id))[0]!.status).toBe('sent');

    const delivered = (await outboxOf(h, NoticeDeliveredV1.type)).filter((r) => r.envelope.payload.sourceEventId === event.id);
    expect(delivered.map((r) => r.envelope.payload)).toEqual([
      expect.objectContaining({
        messageId: rows[0]!.id,
        subjectId: event.payload.applicationId,
        bin,
        ruleId: 'F-17',
        channel: 'email',
        deliveredAt: h.clock.now().toISOString(),
      }),
    ]);
    // Nothing is due any more: the next round sends nothing.
    expect(await delivery(h).runOnce()).toEqual([]);
  });

  it('F-16/F-17: a refusal names every ground in the language; without a preference it is Kazakh, and only in the portal without an address', async () => {
    const event = decisionMade({ decision: 'refuse', grounds: ['business-plan-not-per-annex-1', 'activity-not-in-priority-list'] });
    expect(await deliver(h, event)).toBe('handled');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.language])).toEqual([['portal', 'kk']]);
    expect(rows[0]!.subject).toBe('Astana Hub: өтінішіңіз бойынша дәлелді бас тарту');
    expect(rows[0]!.body).toContain('- бизнес-жоспар Қағидалардың 1-қосымшасына сәйкес келмейді\n- жоба АКТ саласындағы басым');
  });

  it('F-14: remarks reach the applicant with each field and message, in English when the company chose it', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', null);
    const event = remarksIssued({
      bin,
      remarks: [
        { field: 'businessPlan.market', message: 'the market section is empty' },
        { field: 'okedCode', message: 'not in the list' },
      ],
    });
    expect(await deliver(h, event)).toBe('handled');
    const [row] = await messagesOf(h, event.id);
    expect(row!.subject).toBe('Astana Hub: remarks on your application');
    expect(row!.body).toContain('On 2026-11-16, the Fund found your application incomplete');
    expect(row!.body).toContain('- businessPlan.market: the market section is empty\n- okedCode: not in the list');
  });

  it('the same event twice is one set of messages (the inbox), one e-mail sent', async () => {
    const bin = newBin();
    await prefer(h, bin, 'kk', `info@${bin}.kz`);
    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    expect(await deliver(h, event, '1')).toBe('duplicate');
    expect(await messagesOf(h, event.id)).toHaveLength(2);
    expect(await inboxRows(event.id)).toEqual([{ consumer: 'notifications.registration-events' }]);
    await delivery(h).runOnce();
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(`info@${bin}.kz`))).toHaveLength(1);
  });

  it('skips the registration events it has no notice for, leaving no inbox row', async () => {
    const other = { ...decisionMade(), id: uuidv7(), type: CertificateIssuedV1.type };
    expect(await deliver(h, other)).toBe('skipped');
    expect(await inboxRows(other.id)).toEqual([]);
  });

  it('F-42: no message body carries the address or anything of the application beyond the notice', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', 'secret.person@example.kz');
    const event = decisionMade({ bin });
    await deliver(h, event);
    for (const row of await messagesOf(h, event.id)) {
      expect(row.body).not.toContain('secret.person');
      expect(row.body).not.toContain(event.payload.applicationId);
    }
  });
});
