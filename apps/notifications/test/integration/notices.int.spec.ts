import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationSubmittedV1,
  DecisionMadeV1,
  type EventEnvelope,
  EventRegistry,
  type PayloadOf,
  RemarksIssuedV1,
  notificationsEvents,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type Harness, auth, deliver, newBin, poller, startHarness } from '../support/notifications-harness.js';
import { SmtpSink } from '../support/smtp-sink.js';

/**
 * Issue #16 on the real database and a real SMTP server: registration's F-14 remarks and F-17
 * decisions become notices in the company's language, stored before they are sent, e-mailed once
 * (also across an SMTP outage), shown in the portal inbox, and proven delivered by an event.
 */
let h: Harness;
const sink = new SmtpSink();

beforeAll(async () => {
  await sink.start();
  h = await startHarness('notif_notices', { env: { HUB_SMTP_URL: sink.url, HUB_MAIL_FROM: 'Astana Hub <no-reply@astanahub.kz>' } });
});
afterAll(async () => {
  await h?.close();
  await sink.stop();
});

const envelope = <P>(type: string, version: number, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version,
  occurredAt: '2026-11-16T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});
const submitted = (bin: string, language: 'kk' | 'ru' | 'en') =>
  envelope<PayloadOf<typeof ApplicationSubmittedV1>>(ApplicationSubmittedV1.type, 1, uuidv7(), {
    applicationId: uuidv7(),
    bin,
    companyName: 'Steppe AI LLP',
    kind: 'registration',
    language,
    resubmission: false,
    submittedAt: '2026-11-16T04:00:00.000Z',
    reviewDueDate: '2026-11-30',
    failedChecks: [],
  });
const refused = (bin: string) =>
  envelope<PayloadOf<typeof DecisionMadeV1>>(DecisionMadeV1.type, 1, uuidv7(), {
    applicationId: uuidv7(),
    bin,
    kind: 'registration',
    decision: 'refuse',
    grounds: ['activity-not-in-priority-list'],
    protocolNumber: 'P-2026-17',
    decidedOn: '2026-11-20',
    notificationDueDate: '2026-11-27',
  });
const remarks = (bin: string) =>
  envelope<PayloadOf<typeof RemarksIssuedV1>>(RemarksIssuedV1.type, 1, uuidv7(), {
    applicationId: uuidv7(),
    bin,
    remarks: [{ field: 'businessPlan.team', message: 'Team members are missing' }],
    issuedAt: '2026-11-17T06:00:00.000Z',
  });
const notices = (bin: string) =>
  h.sql<{ id: string; language: string; subject: string; email_status: string; rule_id: string; delivered_at: Date | null }>(
    `select id, language, subject, email_status, rule_id, delivered_at from notifications_notice where bin = ? order by created_at`,
    [bin],
  );
const delivered = async (bin: string) => {
  const registry = new EventRegistry([...notificationsEvents]);
  const rows = await h.sql<{ envelope: unknown }>(`select envelope from hub_outbox where message_key = ? order by position`, [bin]);
  return rows.map((r) => {
    const d = registry.decode(JSON.stringify(r.envelope));
    if (!d.ok) throw new Error(d.reason);
    return d.envelope.payload as PayloadOf<(typeof notificationsEvents)[0]>;
  });
};
const mailsTo = (address: string) => sink.received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address)));

describe('statutory notices from registration (F-14, F-17) by e-mail and in the portal', () => {
  it('F-17: a reasoned refusal reaches the company by e-mail in the language of its application (F-10), once; the delivery is proven by an event', async () => {
    const bin = newBin();
    expect(await deliver(h, submitted(bin, 'ru'))).toBe('handled');
    const token = await h.token(['applicant'], [bin]);
    const put = await h.http().put(`/notification-settings/${bin}`).set(auth(token)).send({ email: 'ceo@steppe.kz', language: 'ru', remindersEnabled: true });
    expect(put.status).toBe(200);

    const decision = refused(bin);
    expect(await deliver(h, decision)).toBe('handled');
    expect(await deliver(h, decision, '1')).toBe('duplicate'); // the inbox: one effect per event
    const [stored] = await notices(bin);
    expect(stored).toMatchObject({ language: 'ru', email_status: 'pending', rule_id: 'F-17', delivered_at: null }); // stored before it is sent
    expect(mailsTo('ceo@steppe.kz')).toHaveLength(0);

    await poller(h).runDue();
    const mails = mailsTo('ceo@steppe.kz');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Мотивированный отказ в регистрации участником (БИН ${bin})`);
    expect(mails[0]?.text).toContain('проект не соответствует перечню приоритетных видов деятельности в сфере ИКТ');
    expect(mails[0]?.text).toContain('20.11.2026');
    expect(mails[0]?.messageId).toBe(`<${stored?.id}@astanahub.kz>`);
    expect((await notices(bin))[0]).toMatchObject({ email_status: 'delivered' });
    expect(await delivered(bin)).toMatchObject([{ sourceEventId: decision.id, ruleId: 'F-17', channel: 'email', dueOn: '2026-11-27' }]);

    await poller(h).runDue(); // nothing left to send
    expect(mailsTo('ceo@steppe.kz')).toHaveLength(1);
  });

  it('an SMTP outage loses nothing and sends nothing twice: retried with backoff, delivered once when the server is back', async () => {
    const bin = newBin();
    const token = await h.token(['applicant'], [bin]);
    await h.http().put(`/notification-settings/${bin}`).set(auth(token)).send({ email: 'cto@alatau.kz', language: 'en', remindersEnabled: false });
    const port = sink.port;
    await sink.stop();
    expect(await deliver(h, remarks(bin))).toBe('handled');
    await poller(h).runDue(); // the server is down: the timer is re-armed with a backoff
    const [timer] = await h.sql<{ status: string; attempts: number; last_error: string }>(
      `select status, attempts, last_error from hub_timer where kind = 'notifications.deliver-email' and timer_key = (select id::text from notifications_notice where bin = ?)`,
      [bin],
    );
    expect(timer).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect(timer?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect((await notices(bin))[0]).toMatchObject({ email_status: 'pending', rule_id: 'F-14' });
    expect(await delivered(bin)).toEqual([]);

    await sink.start(port);
    h.clock.advance(10 * 60_000);
    await poller(h).runDue();
    const mails = mailsTo('cto@alatau.kz');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Remarks on your application (BIN ${bin})`);
    expect(mails[0]?.text).toContain('- businessPlan.team: Team members are missing');
    expect(await delivered(bin)).toMatchObject([{ ruleId: 'F-14', channel: 'email' }]);
  });

  it('without an e-mail address the portal inbox is the channel (delivered at once, in Kazakh by default); the bell counts unread; a company sees only its own (F-35)', async () => {
    const bin = newBin();
    await deliver(h, refused(bin));
    const [stored] = await notices(bin);
    expect(stored).toMatchObject({ language: 'kk', email_status: 'not-sent' });
    expect(stored?.subject).toContain('бас тарту');
    expect(await delivered(bin)).toMatchObject([{ channel: 'portal', ruleId: 'F-17' }]);

    const token = await h.token(['applicant'], [bin]);
    const inbox = await h.http().get('/inbox').set(auth(token));
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ total: 1, unread: 1, items: [{ id: stored?.id, ruleId: 'F-17', readAt: null }] });
    const stranger = await h.token(['applicant'], [newBin()]);
    expect((await h.http().post(`/inbox/${stored?.id}/read`).set(auth(stranger))).status).toBe(404);
    expect((await h.http().get('/inbox').set(auth(stranger))).body).toMatchObject({ total: 0, unread: 0 });
    expect((await h.http().get(`/notification-settings/${bin}`).set(auth(stranger))).status).toBe(403);
    const read = await h.http().post(`/inbox/${stored?.id}/read`).set(auth(token));
    expect(read.status).toBe(200);
    expect((read.body as { readAt: string | null }).readAt).toBeTruthy();
    expect((await h.http().get('/inbox').set(auth(token))).body).toMatchObject({ unread: 0 });
  });

  it('a choice of language is kept when the company files a later application in another one', async () => {
    const bin = newBin();
    const token = await h.token(['applicant'], [bin]);
    await h.http().put(`/notification-settings/${bin}`).set(auth(token)).send({ email: null, language: 'en', remindersEnabled: true });
    await deliver(h, submitted(bin, 'kk'));
    expect((await h.http().get(`/notification-settings/${bin}`).set(auth(token))).body).toMatchObject({ language: 'en', email: null });
    const bad = await h.http().put(`/notification-settings/${bin}`).set(auth(token)).send({ email: 'not-an-address', language: 'de', remindersEnabled: true });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['body.email', 'body.language']);
  });
});
