import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import {
  type Harness,
  deliverParticipation,
  feeAssessed,
  feeOverdue,
  feePaid,
  messagesOf,
  monitoringNotExpedient,
  newBin,
  outboxOf,
  poller,
  prefer,
  reportOverdue,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * Issue #16, ADR 0093: participation's facts become messages through notifications' real consumer
 * (decode, inbox, handler in the inbox's transaction) on the real database: the statutory F-40
 * notice, the F-21 fee message with its reminder on a durable timer (Kazakh working days, 09:00 in
 * Almaty), the overdue fee and report messages; reminders by e-mail can be switched off, statutory
 * notices cannot.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_participation', { env: {} });
});
afterAll(async () => {
  await h?.close();
});

const timerOf = (feeId: string) =>
  h.sql<{ status: string; due_at: string; id: string }>(
    `select id, status, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as due_at from hub_timer where kind = 'notifications.fee-due-reminder' and timer_key = ?`,
    [feeId],
  );
const remindersOf = (timerId: string) => messagesOf(h, timerId);

describe("participation's facts become messages (F-40, F-21, F-37)", () => {
  it('F-40: an inexpedience conclusion is a statutory notice — portal and e-mail in the language, never switched off, its delivery proven', async () => {
    const bin = newBin();
    await prefer(h, bin, 'kk', `board@${bin}.kz`, { emailReminders: false });
    const event = monitoringNotExpedient({ bin });
    expect(await deliverParticipation(h, event)).toBe('handled');
    expect(await deliverParticipation(h, event, '1')).toBe('duplicate');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.language])).toEqual([
      ['email', 'kk'],
      ['portal', 'kk'],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub: жобаңыз бойынша мониторинг қорытындысы');
    expect(rows[0]!.body).toContain('«Qazaq cloud ERP»');
    expect(rows[0]!.body).toContain('01.07.2026 – 30.09.2026');
    const [meta] = await h.sql<{ rule_id: string; statutory: boolean }>(
      `select rule_id, statutory from notifications_message where source_event_id = ? limit 1`,
      [event.id],
    );
    expect(meta).toEqual({ rule_id: 'F-40', statutory: true });
    // The company reads it in the portal: the proof of delivery is published for participation.
    const portal = rows.find((r) => r.channel === 'portal')!;
    const token = await h.token(['applicant'], [bin]);
    expect(
      (
        await h
          .http()
          .post(`/inbox/${portal.id}/read`)
          .set({ authorization: `Bearer ${token}` })
      ).status,
    ).toBe(200);
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((o) => o.envelope.payload['sourceEventId'] === event.id);
    expect(proofs.map((p) => [p.envelope.payload['ruleId'], p.envelope.payload['channel']])).toEqual([['F-40', 'portal']]);
  });

  it('F-21: an assessed fee is told at once with its amount and due day, and reminded 3 working days before it at 09:00 Almaty, once', async () => {
    h.clock.set('2026-10-05T04:00:00Z');
    const bin = newBin();
    await prefer(h, bin, 'ru', `fin@${bin}.kz`);
    const event = feeAssessed({ bin, dueDate: '2026-10-26' });
    expect(await deliverParticipation(h, event)).toBe('handled');
    const now = await messagesOf(h, event.id);
    expect(now.map((r) => r.channel)).toEqual(['email', 'portal']);
    expect(now[0]!.subject).toBe('Astana Hub: членский взнос за III квартал 2026 года');
    expect(now[0]!.body).toContain('1\u00a0234\u00a0567,89 тенге');
    expect(now[0]!.body).toContain('до 26.10.2026');

    // Due Monday 26 October; three working days before: Wednesday 21 October, 09:00 in Almaty (04:00 UTC).
    const [timer] = await timerOf(event.payload.feeId);
    expect(timer).toMatchObject({ status: 'scheduled' });
    expect(timer!.due_at).toBe('2026-10-21T04:00:00Z');

    h.clock.set('2026-10-21T03:59:00Z');
    expect(await poller(h).runDue()).toBe(0);
    h.clock.set('2026-10-21T04:00:00Z');
    expect(await poller(h).runDue()).toBe(1);
    expect(await poller(h).runDue()).toBe(0);
    const reminders = await remindersOf(timer!.id);
    expect(reminders.map((r) => [r.channel, r.address])).toEqual([
      ['email', `fin@${bin}.kz`],
      ['portal', null],
    ]);
    expect(reminders[0]!.subject).toBe('Astana Hub: напоминание — членский взнос за III квартал 2026 года до 26.10.2026');
  });

  it('F-21: a company that switched e-mail reminders off gets the reminder in the portal only', async () => {
    h.clock.set('2026-10-05T04:00:00Z');
    const bin = newBin();
    await prefer(h, bin, 'en', `fin@${bin}.kz`, { emailReminders: false });
    const event = feeAssessed({ bin });
    expect(await deliverParticipation(h, event)).toBe('handled');
    expect((await messagesOf(h, event.id)).map((r) => r.channel)).toEqual(['portal']);
    h.clock.set('2026-10-21T04:00:00Z');
    await poller(h).runDue();
    const [timer] = await timerOf(event.payload.feeId);
    expect(timer!.status).toBe('fired');
    const reminders = await remindersOf(timer!.id);
    expect(reminders.map((r) => r.channel)).toEqual(['portal']);
    expect(reminders[0]!.subject).toBe('Astana Hub: reminder — membership fee for Q3 2026 due 2026-10-26');
    expect(reminders[0]!.body).toContain('KZT 1,234,567.89');
  });

  it('F-21: a fee assessed after its reminder day gets no reminder; a fee found overdue cancels the reminder and is told with its reason', async () => {
    h.clock.set('2026-10-23T04:00:00Z');
    const late = feeAssessed({ dueDate: '2026-10-26' });
    expect(await deliverParticipation(h, late)).toBe('handled');
    expect(await timerOf(late.payload.feeId)).toEqual([]);

    h.clock.set('2026-10-05T04:00:00Z');
    const bin = newBin();
    await prefer(h, bin, 'en', null);
    const fee = feeAssessed({ bin });
    expect(await deliverParticipation(h, fee)).toBe('handled');
    const overdue = feeOverdue(fee.payload, { reason: 'income-not-declared' });
    expect(await deliverParticipation(h, overdue)).toBe('handled');
    expect((await timerOf(fee.payload.feeId)).map((t) => t.status)).toEqual(['cancelled']);
    const [message] = await messagesOf(h, overdue.id);
    expect(message!.subject).toBe('Astana Hub: membership fee for Q3 2026 overdue');
    expect(message!.body).toContain('the income of the quarter was not declared');
  });

  it('F-21, ADR 0107: a fee paid in full (participation.fee-paid) cancels its reminder — nothing is sent on the reminder day; a duplicate changes nothing', async () => {
    h.clock.set('2026-10-05T04:00:00Z');
    const bin = newBin();
    await prefer(h, bin, 'ru', `fin@${bin}.kz`);
    const fee = feeAssessed({ bin, dueDate: '2026-10-26' });
    expect(await deliverParticipation(h, fee)).toBe('handled');
    expect((await timerOf(fee.payload.feeId)).map((t) => t.status)).toEqual(['scheduled']);
    h.clock.set('2026-10-12T05:00:00Z');
    const paid = feePaid(fee.payload);
    expect(await deliverParticipation(h, paid)).toBe('handled');
    expect(await deliverParticipation(h, paid, '1')).toBe('duplicate');
    const [timer] = await timerOf(fee.payload.feeId);
    expect(timer!.status).toBe('cancelled');
    h.clock.set('2026-10-21T04:00:00Z');
    await poller(h).runDue();
    expect(await remindersOf(timer!.id)).toEqual([]);
    expect(await messagesOf(h, paid.id)).toEqual([]); // the payment itself is not a message

    // A fee paid at its declaration (fee-assessed, then fee-paid in the same order): armed, then cancelled.
    h.clock.set('2026-10-05T04:00:00Z');
    const prepaid = feeAssessed({ bin, quarter: 2, dueDate: '2026-10-26' });
    expect(await deliverParticipation(h, prepaid)).toBe('handled');
    expect(await deliverParticipation(h, feePaid(prepaid.payload, '2026-10-05T04:00:00.000Z'))).toBe('handled');
    expect((await timerOf(prepaid.payload.feeId)).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('F-37: an overdue quarterly report is told to the company (ground F-28(4))', async () => {
    const bin = newBin();
    await prefer(h, bin, 'kk', null);
    const event = reportOverdue({ bin });
    expect(await deliverParticipation(h, event)).toBe('handled');
    const [message] = await messagesOf(h, event.id);
    expect(message!.subject).toBe('Astana Hub: 2026 жылғы III тоқсан үшін тоқсандық есеп мерзімі өтті');
    expect(message!.body).toContain('20.10.2026');
  });
});
