import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import { Addresses } from '../../src/messages/application/addresses.js';
import {
  type Harness,
  applicationSubmitted,
  auth,
  decisionMade,
  deliver,
  deliverParticipation,
  delivery,
  feeAssessed,
  informationRequested,
  newBin,
  outboxOf,
  poller,
  prefer,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * ADR 0121 on the real PostgreSQL and a real SMTP server: a statutory notice to a company (F-17) goes by
 * e-mail to each of its known representatives — persons whose verified token named the company (ADR
 * 0114) — each in their own language, else the company's; the company's mailbox only when none is known.
 * Reminders too (ADR 0133), to each representative who keeps reminders by e-mail; the company can switch all
 * of them off (ADR 0093). The portal message stays the company's.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_reps', { env: { HUB_PII_KEYS: `t1:${randomBytes(32).toString('base64')}`, HUB_PII_ACTIVE_KEY: 't1' } });
});
afterAll(async () => {
  await h?.close();
});

/** A representative opens the portal: notifications learns their contact from the verified token (ADR 0114 §2). */
const signIn = async (sub: string, claims: { email?: string; locale?: string; companies: string[] }) =>
  h
    .http()
    .get('/inbox')
    .set(auth(await h.issuer.issue({ sub, roles: ['applicant'], name: sub, ...claims })))
    .expect(200);

interface Row {
  id: string;
  channel: string;
  language: string;
  address: string | null;
  bin: string | null;
  recipient_subject: string | null;
  subject: string;
}
/** The rows of one event; `address` is the masked form the log shows — the address itself is sealed (F-42, ADR 0121), `clear` must be null. */
const rowsOf = (eventId: string) =>
  h.sql<Row & { clear: string | null }>(
    `select id, channel, language, address_masked as address, address as clear, bin, recipient_subject, subject from notifications_message where source_event_id = ? order by channel, recipient_subject nulls first`,
    [eventId],
  );
const masked = (a: string): string => `${a[0]}***${a.slice(a.lastIndexOf('@'))}`;

describe('a company’s statutory notice to each representative (ADR 0121, ADR 0114, F-17)', () => {
  it('each known representative gets the e-mail in their language (else the company’s), the company mailbox none; one portal message; sent once each; proof under the BIN', async () => {
    const bin = newBin();
    const other = newBin();
    const stamp = Date.now();
    await prefer(h, bin, 'ru', `office.${stamp}@company.kz`);
    await signIn(`rep-a-${stamp}`, { email: `a.${stamp}@company.kz`, locale: 'en', companies: [bin, other] });
    await signIn(`rep-b-${stamp}`, { email: `b.${stamp}@company.kz`, locale: 'kk-KZ', companies: [bin] });
    await signIn(`rep-c-${stamp}`, { email: `c.${stamp}@company.kz`, companies: [bin] }); // no locale: the company's language
    await signIn(`rep-d-${stamp}`, { companies: [bin] }); // no address: nothing to send to
    await signIn(`stranger-${stamp}`, { email: `s.${stamp}@elsewhere.kz`, locale: 'ru', companies: [other] });

    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    expect(await deliver(h, event, '1')).toBe('duplicate');
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => [r.channel, r.language, r.address, r.bin, r.recipient_subject])).toEqual([
      ['email', 'en', masked(`a.${stamp}@company.kz`), bin, `rep-a-${stamp}`],
      ['email', 'kk', masked(`b.${stamp}@company.kz`), bin, `rep-b-${stamp}`],
      ['email', 'ru', masked(`c.${stamp}@company.kz`), bin, `rep-c-${stamp}`],
      ['portal', 'ru', null, bin, null],
    ]);
    expect(rows.map((r) => r.clear)).toEqual([null, null, null, null]);
    expect(rows[0]!.subject).toMatch(/^Astana Hub: /);
    expect(new Set(rows.map((r) => r.subject)).size).toBe(3); // en, kk, ru (the portal's is the ru one)

    await delivery(h).runOnce();
    await delivery(h).runOnce();
    await delivery(h).runOnce();
    for (const who of ['a', 'b', 'c']) expect(h.smtp.messages().filter((m) => m.to.includes(`${who}.${stamp}@company.kz`))).toHaveLength(1);
    expect(h.smtp.messages().filter((m) => m.to.includes(`office.${stamp}@company.kz`) || m.to.includes(`s.${stamp}@elsewhere.kz`))).toEqual([]);

    // each delivery is a proof under the company's BIN; registration keeps the first (F-17)
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((r) => r.envelope.payload.sourceEventId === event.id);
    expect(proofs.map((r) => r.envelope.payload)).toEqual(
      rows.filter((r) => r.channel === 'email').map((r): unknown => expect.objectContaining({ messageId: r.id, bin, ruleId: 'F-17', channel: 'email' })),
    );

    // the staff log per company shows the three e-mails, masked (F-42)
    const staff = await h.token(['fund-officer'], []);
    const log = (await h.http().get(`/messages?bin=${bin}`).set(auth(staff)).expect(200)).body as { items?: unknown[] } | unknown[];
    const text = JSON.stringify(log);
    expect(text).toContain('a***@company.kz');
    expect(text).not.toContain(`a.${stamp}@company.kz`);
  });

  it('no representative known: the company mailbox, in the company’s language, as before (ADR 0090)', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', `only.${Date.now()}@company.kz`);
    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    expect((await rowsOf(event.id)).map((r) => [r.channel, r.language, r.recipient_subject, r.address?.startsWith('o***@') ?? null])).toEqual([
      ['email', 'en', null, true],
      ['portal', 'en', null, null],
    ]);
  });

  it('ADR 0133: a reminder (F-38, a durable timer on the working-day calendar) goes to each representative who keeps reminders by e-mail, in their language — not the mailbox; none to one who switched theirs off', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const stamp = Date.now();
    const requested = informationRequested(); // due Monday 30 November: reminded Thursday 26 November, 09:00 Almaty
    const bin = requested.payload.bin;
    await prefer(h, bin, 'ru', `docs.${stamp}@company.kz`);
    await signIn(`rem-a-${stamp}`, { email: `rem-a.${stamp}@company.kz`, locale: 'en', companies: [bin] });
    await signIn(`rem-b-${stamp}`, { email: `rem-b.${stamp}@company.kz`, locale: 'kk', companies: [bin] });
    await signIn(`rem-c-${stamp}`, { email: `rem-c.${stamp}@company.kz`, locale: 'kk', companies: [bin] });
    // rem-c switches reminders by e-mail off on their own settings screen (ADR 0114 §3)
    await h
      .http()
      .put('/me/notification-settings')
      .set(auth(await h.issuer.issue({ sub: `rem-c-${stamp}`, roles: ['applicant'], name: 'c', email: `rem-c.${stamp}@company.kz`, companies: [bin] })))
      .send({ language: null, kinds: { statutory: { email: true }, reminders: { email: false } } })
      .expect(200);
    expect(await deliverParticipation(h, requested)).toBe('handled');
    h.clock.set('2026-11-26T04:00:00Z');
    await poller(h).runDue();
    const rows = await h.sql<{ channel: string; language: string; address: string | null; recipient_subject: string | null; rule_id: string }>(
      `select channel, language, address_masked as address, recipient_subject, rule_id from notifications_message where template = 'participation.monitoring-documents-reminder' and subject_id = ? order by channel, recipient_subject nulls first`,
      [requested.payload.requestId],
    );
    expect(rows.map((r) => [r.channel, r.rule_id, r.language, r.address, r.recipient_subject])).toEqual([
      ['email', 'F-38', 'en', masked(`rem-a.${stamp}@company.kz`), `rem-a-${stamp}`],
      ['email', 'F-38', 'kk', masked(`rem-b.${stamp}@company.kz`), `rem-b-${stamp}`],
      ['portal', 'F-38', 'ru', null, null],
    ]);
    await poller(h).runDue(); // a second run of the poller writes nothing more
    expect(
      await h.sql(`select 1 from notifications_message where template = 'participation.monitoring-documents-reminder' and subject_id = ?`, [
        requested.payload.requestId,
      ]),
    ).toHaveLength(3);
    await delivery(h).runOnce();
    await delivery(h).runOnce();
    for (const who of ['rem-a', 'rem-b']) expect(h.smtp.messages().filter((m) => m.to.includes(`${who}.${stamp}@company.kz`))).toHaveLength(1);
    expect(h.smtp.messages().filter((m) => m.to.includes(`rem-c.${stamp}@company.kz`) || m.to.includes(`docs.${stamp}@company.kz`))).toEqual([]);
    expect(h.smtp.messages().find((m) => m.to.includes(`rem-a.${stamp}@company.kz`))?.subject).toMatch(/^Astana Hub: reminder/i);
  });

  it('ADR 0133: a company that switched e-mail reminders off gets none, not even to its representatives; a company with none known gets the reminder in its mailbox (ADR 0093)', async () => {
    const stamp = Date.now();
    const off = newBin();
    await prefer(h, off, 'ru', `off.${stamp}@company.kz`, { emailReminders: false });
    await signIn(`rep-off-${stamp}`, { email: `rep-off.${stamp}@company.kz`, locale: 'en', companies: [off] });
    const silenced = feeAssessed({ bin: off });
    expect(await deliverParticipation(h, silenced)).toBe('handled');
    expect((await rowsOf(silenced.id)).map((r) => r.channel)).toEqual(['portal']);

    const alone = newBin();
    await prefer(h, alone, 'en', `fees.${stamp}@company.kz`);
    const event = feeAssessed({ bin: alone });
    expect(await deliverParticipation(h, event)).toBe('handled');
    expect((await rowsOf(event.id)).filter((r) => r.channel === 'email').map((r) => [r.address, r.recipient_subject])).toEqual([
      [masked(`fees.${stamp}@company.kz`), null],
    ]);
  });
});

describe('registration’s application contact (ADR 0121: ADR 0114 §1’s middle source; F-8, F-10, F-42)', () => {
  it('the filing records the language and the filer sealed with @hub/pii; a notice with no representative known goes to the filer in their language, else the application’s; no mailbox then', async () => {
    const bin = newBin();
    const stamp = Date.now();
    const filer = `filer-${stamp}`;
    // the filer signed in before the company was on their token (no representative of the BIN is known)
    await signIn(filer, { email: `filer.${stamp}@company.kz`, locale: 'en', companies: [] });
    await prefer(h, bin, null, `mailbox.${stamp}@company.kz`);
    const filed = applicationSubmitted({ bin, language: 'ru', filedBy: filer });
    expect(await deliver(h, filed)).toBe('handled');
    const [contact] = await h.sql<{ bin: string; language: string; filed_by_cipher: string | null }>(
      `select bin, language, filed_by_cipher from notifications_application_contact where application_id = ?`,
      [filed.payload.applicationId],
    );
    expect(contact).toMatchObject({ bin, language: 'ru' });
    expect(contact!.filed_by_cipher).toMatch(/^pii1\.t1\./);
    expect(await h.sql(`select 1 from notifications_application_contact c where c::text like ?`, [`%${filer}%`])).toEqual([]);
    expect(await rowsOf(filed.id)).toEqual([]); // the filing itself is not a notice

    const event = decisionMade({ bin, applicationId: filed.payload.applicationId });
    expect(await deliver(h, event)).toBe('handled');
    expect((await rowsOf(event.id)).map((r) => [r.channel, r.language, r.address, r.recipient_subject])).toEqual([
      ['email', 'en', masked(`filer.${stamp}@company.kz`), filer],
      ['portal', 'ru', null, null], // the company chose no language: the application's (F-10), not kk
    ]);
  });

  it('an older filing without `filedBy`, or a filer with no known address: the application’s language and the company mailbox', async () => {
    const bin = newBin();
    const stamp = Date.now();
    await prefer(h, bin, null, `box.${stamp}@company.kz`);
    const filed = applicationSubmitted({ bin, language: 'en' });
    expect(await deliver(h, filed)).toBe('handled');
    const event = decisionMade({ bin, applicationId: filed.payload.applicationId });
    expect(await deliver(h, event)).toBe('handled');
    expect((await rowsOf(event.id)).map((r) => [r.channel, r.language, r.address, r.recipient_subject])).toEqual([
      ['email', 'en', masked(`box.${stamp}@company.kz`), null],
      ['portal', 'en', null, null],
    ]);
    // a known representative still comes first (ADR 0114 §1)
    const later = newBin();
    await signIn(`rep-first-${stamp}`, { email: `first.${stamp}@company.kz`, locale: 'kk', companies: [later] });
    const filedLater = applicationSubmitted({ bin: later, language: 'en', filedBy: `someone-${stamp}` });
    expect(await deliver(h, filedLater)).toBe('handled');
    const decided = decisionMade({ bin: later, applicationId: filedLater.payload.applicationId });
    expect(await deliver(h, decided)).toBe('handled');
    expect((await rowsOf(decided.id)).map((r) => [r.channel, r.language, r.recipient_subject])).toEqual([
      ['email', 'kk', `rep-first-${stamp}`],
      ['portal', 'en', null],
    ]);
  });
});

describe('addresses sealed at rest (F-42, ADR 0121)', () => {
  it('a company mailbox and each e-mail row keep the address only as @hub/pii ciphertext; the representative reads the mailbox back, SMTP gets it, the log shows it masked', async () => {
    const bin = newBin();
    const address = `sealed.${Date.now()}@company.kz`;
    await prefer(h, bin, 'ru', address);
    const [pref] = await h.sql<{ email: string | null; email_cipher: string | null }>(
      `select email, email_cipher from notifications_recipient_preference where bin = ?`,
      [bin],
    );
    expect(pref!.email).toBeNull();
    expect(pref!.email_cipher).toMatch(/^pii1\.t1\./);
    const token = await h.token(['applicant'], [bin]);
    expect((await h.http().get(`/recipients/${bin}/preferences`).set(auth(token)).expect(200)).body).toMatchObject({ email: address });

    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    const inClear = await h.sql(`select 1 from notifications_message m where m.source_event_id = ? and m::text like ?`, [event.id, `%${address}%`]);
    expect(inClear).toEqual([]);
    const [email] = (await rowsOf(event.id)).filter((r) => r.channel === 'email');
    expect(email).toMatchObject({ address: 's***@company.kz', clear: null });
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(address))).toHaveLength(1);
    const staff = await h.token(['fund-officer'], []);
    const log = JSON.stringify((await h.http().get(`/messages?bin=${bin}`).set(auth(staff)).expect(200)).body);
    expect(log).toContain('s***@company.kz');
    expect(log).not.toContain(address);
  });

  it('rows stored in clear before (or without a key ring) are sealed at start, and still delivered to the right address', async () => {
    const bin = newBin();
    const address = `legacy.${Date.now()}@company.kz`;
    await prefer(h, bin, 'en', address);
    const event = decisionMade({ bin });
    expect(await deliver(h, event)).toBe('handled');
    // as a row written before ADR 0121: the address in clear, no ciphertext
    await h.sql(`update notifications_message set address = ?, address_cipher = null where source_event_id = ? and channel = 'email'`, [address, event.id]);
    await h.sql(`update notifications_recipient_preference set email = ?, email_cipher = null where bin = ?`, [address, bin]);
    expect(await h.app.get(Addresses).sealStored()).toBeGreaterThanOrEqual(2);
    expect(await h.sql(`select 1 from notifications_message where address is not null`)).toEqual([]);
    expect(await h.sql(`select 1 from notifications_recipient_preference where email is not null`)).toEqual([]);
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(address))).toHaveLength(1);
  });
});
