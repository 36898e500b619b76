import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  auth,
  deliverServices,
  delivery,
  messagesOf,
  newBin,
  prefer,
  serviceActAnswered,
  serviceActIssued,
  serviceInvoiceIssued,
  serviceInvoiceOverdue,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * F-55, ADR 0066, ADR 0105: services' contract money and acts through notifications' real consumer,
 * on the real database and a real SMTP server — the recipient company told of an invoice (amount,
 * due day), of an overdue invoice and of an act to answer, in its language; the Fund's services
 * mailbox told of a disputed act (never the company); an individual's facts write nothing.
 */
const FUND = 'services-desk@fund.test';
const minute = 60_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_billing', { env: { NOTIFICATIONS_FUND_SERVICES_EMAIL: FUND, NOTIFICATIONS_FUND_LANGUAGE: 'ru' } });
});
afterAll(async () => {
  await h?.close();
});

describe("services' invoices and acts become messages (F-55)", () => {
  it('F-55: an invoice issued — amount in tenge and the due day, in the company language, by e-mail and in the portal, once', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', `buh@${bin}.kz`);
    const event = serviceInvoiceIssued({ recipientId: bin });
    expect(await deliverServices(h, event)).toBe('handled');
    expect(await deliverServices(h, event, '1')).toBe('duplicate');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.language, r.address])).toEqual([
      ['email', 'ru', `buh@${bin}.kz`],
      ['portal', 'ru', null],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub, услуги: счёт SRV-2026-000042');
    expect(rows[0]!.body).toContain('16.11.2026 Фонд выставил');
    expect(rows[0]!.body).toContain('на сумму 1\u00a0234\u00a0567,89 тенге. Оплатите его до 30.11.2026');
    expect(rows[0]!.body).toContain(`/services/applications/${event.payload.applicationId}`);
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(`buh@${bin}.kz`))).toHaveLength(1);
  });

  it('F-55: an overdue invoice and an act to answer reach the company in its language (Kazakh without a preference); e-mail copies follow the reminders switch', async () => {
    const bin = newBin();
    const overdue = serviceInvoiceOverdue({ recipientId: bin });
    expect(await deliverServices(h, overdue)).toBe('handled');
    const [portal] = await messagesOf(h, overdue.id);
    expect([portal!.channel, portal!.language, portal!.subject]).toEqual(['portal', 'kk', 'Astana Hub қызметтері: SRV-2026-000042 шоттың мерзімі өтті']);
    expect(portal!.body).toContain('мерзімі 30.11.2026 аяқталды');

    await prefer(h, bin, 'en', `office@${bin}.kz`, { emailReminders: false });
    const act = serviceActIssued({ recipientId: bin });
    expect(await deliverServices(h, act)).toBe('handled');
    const rows = await messagesOf(h, act.id);
    expect(rows.map((r) => [r.channel, r.language])).toEqual([['portal', 'en']]);
    expect(rows[0]!.body).toContain('act ACT-2026-000007 of the services delivered under your contract up to 2026-11-15');
  });

  it('F-55: a disputed act goes to the Fund services mailbox in Russian, not to the company and not in its portal inbox; an accepted act writes nothing', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', `office@${bin}.kz`);
    const accepted = serviceActAnswered('accepted', { recipientId: bin });
    expect(await deliverServices(h, accepted)).toBe('handled');
    expect(await messagesOf(h, accepted.id)).toEqual([]);

    const disputed = serviceActAnswered('disputed', { recipientId: bin });
    expect(await deliverServices(h, disputed)).toBe('handled');
    const rows = await messagesOf(h, disputed.id);
    expect(rows.map((r) => [r.channel, r.language, r.address])).toEqual([['email', 'ru', FUND]]);
    expect(rows[0]!.subject).toBe(`Услуги: акт ACT-2026-000007 оспорен, БИН ${bin}`);
    expect(rows[0]!.body).toContain('17.11.2026 получатель услуг');
    const token = await h.token(['applicant'], [bin]);
    expect((await h.http().get('/inbox').set(auth(token)).expect(200)).body).toEqual({ unread: 0, messages: [] });
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(FUND) && m.subject.includes(bin))).toHaveLength(1);
    expect(h.smtp.messages().filter((m) => m.to.includes(`office@${bin}.kz`))).toHaveLength(0);
  });

  it("ADR 0105: a dead Fund notice resent by an officer goes to the Fund's mailbox again, never to the company's address", async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', `office@${bin}.kz`);
    const disputed = serviceActAnswered('disputed', { recipientId: bin });
    expect(await deliverServices(h, disputed)).toBe('handled');
    h.smtp.reject(true);
    try {
      for (let i = 0; i < 4; i++) {
        await delivery(h).runOnce();
        h.clock.advance(10 * minute);
      }
    } finally {
      h.smtp.reject(false);
    }
    const [dead] = await messagesOf(h, disputed.id);
    expect(dead).toMatchObject({ status: 'dead', address: FUND });
    const officer = await h.token(['fund-officer'], [], 'officer-3');
    const resent = await h.http().post(`/messages/${dead!.id}/resend`).set(auth(officer)).expect(200);
    expect(resent.body).toMatchObject({ status: 'pending', resendCount: 1 });
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(FUND) && m.subject.includes(bin))).toHaveLength(1);
    expect(h.smtp.messages().filter((m) => m.to.includes(`office@${bin}.kz`))).toHaveLength(0);
  });

  it('F-42: an invoice or a dispute of an individual writes no message, and the IIN is stored nowhere', async () => {
    const iin = '900101300123';
    const invoice = serviceInvoiceIssued({ recipientKind: 'individual', recipientId: iin });
    const disputed = serviceActAnswered('disputed', { recipientKind: 'individual', recipientId: iin });
    expect(await deliverServices(h, invoice)).toBe('handled');
    expect(await deliverServices(h, disputed)).toBe('handled');
    expect(await h.sql(`select 1 from notifications_message where bin = ? or body like ?`, [iin, `%${iin}%`])).toEqual([]);
  });
});
