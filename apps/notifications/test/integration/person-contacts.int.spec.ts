import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonContacts } from '../../src/messages/application/person-contacts.service.js';
import { UnitOfWork } from '@hub/nest-commons';
import { type Harness, auth, delivery, deliverServices, messagesOf, newBin, serviceRemarksIssued, startHarness } from '../support/notifications-harness.js';

/**
 * ADR 0114 on the real PostgreSQL and a real SMTP server: a person's contact is learnt from the
 * verified token's claims (`email`, `locale`, companies, roles) when they open the portal — the e-mail
 * sealed with @hub/pii, never in clear (F-42) —; a notice to the person then comes in their language by
 * portal and e-mail; their own settings choose the language and switch reminders off, never a statutory
 * notice (422 naming `kinds.statutory.email`).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_persons', { env: { HUB_PII_KEYS: `t1:${randomBytes(32).toString('base64')}`, HUB_PII_ACTIVE_KEY: 't1' } });
});
afterAll(async () => {
  await h?.close();
});

const personToken = (sub: string, claims: { email?: string; locale?: string; companies?: string[] } = {}) =>
  h.issuer.issue({ sub, roles: ['applicant'], companies: claims.companies ?? [], name: sub, ...claims });

interface ContactRow {
  subject: string;
  email_cipher: string | null;
  claimed_language: string | null;
  companies: string[];
  roles: string[];
  learnt_at: Date | string;
  updated_at: Date | string;
}
const iso = (d: Date | string): string => new Date(d).toISOString();
const contactOf = async (subject: string) => (await h.sql<ContactRow>(`select * from notifications_person_contact where subject = ?`, [subject]))[0];

describe('a person’s contact from the identity provider’s claims (ADR 0114, F-42)', () => {
  it('opening the inbox records the e-mail (sealed), language, companies and roles of the token — not of the body; the address is in no column in clear', async () => {
    const person = `person-claims-${Date.now()}`;
    const bin = newBin();
    const address = `Aigerim.${Date.now()}@example.kz`;
    const token = await personToken(person, { email: address, locale: 'ru-KZ', companies: [bin] });
    await h.http().get('/inbox').set(auth(token)).send({ email: 'forged@evil.kz', locale: 'en' }).expect(200);

    const row = await contactOf(person);
    expect(row).toMatchObject({ subject: person, claimed_language: 'ru', companies: [bin], roles: ['applicant'] });
    expect(row!.email_cipher).toMatch(/^pii1\.t1\./);
    expect(iso(row!.learnt_at)).toBe(h.clock.now().toISOString());
    const inClear = await h.sql(`select 1 from notifications_person_contact c where lower(c::text) like ? or c::text like ?`, [
      `%${address.toLowerCase()}%`,
      '%forged%',
    ]);
    expect(inClear).toEqual([]);

    // the same claims again change nothing; a new address and locale in a later sign-in are learnt
    h.clock.advance(60_000);
    await h.http().get('/inbox').set(auth(token)).expect(200);
    expect(iso((await contactOf(person))!.updated_at)).toBe(iso(row!.updated_at));
    const later = await personToken(person, { email: `new.${address}`, locale: 'en', companies: [bin] });
    await h.http().get('/inbox').set(auth(later)).expect(200);
    const changed = await contactOf(person);
    expect(changed).toMatchObject({ claimed_language: 'en' });
    expect(changed!.email_cipher).not.toBe(row!.email_cipher);
    expect(iso(changed!.updated_at)).toBe(h.clock.now().toISOString());
    expect(iso(changed!.learnt_at)).toBe(iso(row!.learnt_at));
  });

  it('a malformed e-mail claim or an unknown locale is not learnt; staff and workers get no contact', async () => {
    const person = `person-bad-${Date.now()}`;
    await h
      .http()
      .get('/inbox')
      .set(auth(await personToken(person, { email: 'not an address', locale: 'de-DE' })))
      .expect(200);
    expect(await contactOf(person)).toMatchObject({ email_cipher: null, claimed_language: null });
    const contacts = h.app.get(PersonContacts);
    const uow = h.app.get(UnitOfWork);
    expect(await uow.run(() => contacts.learn({ subject: 'officer-1', roles: ['fund-officer'], companies: [], email: 'o@astanahub.kz' }))).toBeNull();
    expect(await contactOf('officer-1')).toBeUndefined();
  });

  it('F-52 to a person: portal and e-mail in the language of their sign-in, sent to the claimed address by SMTP', async () => {
    const person = `person-f52-${Date.now()}`;
    const address = `f52.${Date.now()}@example.kz`;
    await h
      .http()
      .get('/inbox')
      .set(auth(await personToken(person, { email: address, locale: 'ru' })))
      .expect(200);
    const event = serviceRemarksIssued({ recipientKind: 'individual', recipientId: '900101300325', filedBy: person });
    expect(await deliverServices(h, event)).toBe('handled');
    const rows = await messagesOf(h, event.id);
    // the address is sealed with @hub/pii (F-42, ADR 0121): not in clear in the row
    expect(rows.map((r) => [r.channel, r.language, r.address])).toEqual([
      ['email', 'ru', null],
      ['portal', 'ru', null],
    ]);
    expect(rows[0]!.body).not.toContain('900101300325');
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(address))).toHaveLength(1);
  });

  it('without a contact (never signed in) the person’s notice stays in the portal, kk → ru → en', async () => {
    const event = serviceRemarksIssued({ recipientKind: 'individual', recipientId: '900101300426', filedBy: `person-unknown-${Date.now()}` });
    expect(await deliverServices(h, event)).toBe('handled');
    expect((await messagesOf(h, event.id)).map((r) => [r.channel, r.language])).toEqual([['portal', 'kk']]);
  });
});

describe('a person’s own notice settings (ADR 0114 §3)', () => {
  const body = (language: string | null, reminders: boolean, statutory = true) => ({
    language,
    kinds: { statutory: { email: statutory }, reminders: { email: reminders } },
  });

  it('reads and sets the language and reminders by e-mail; switching statutory notices off is a 422 naming the field and changes nothing', async () => {
    const person = `person-settings-${Date.now()}`;
    const token = await personToken(person, { email: `s.${Date.now()}@example.kz`, locale: 'ru' });
    expect((await h.http().get('/me/notification-settings').set(auth(token)).expect(200)).body).toEqual({
      language: null,
      effectiveLanguage: 'ru',
      emailKnown: true,
      kinds: { statutory: { email: true }, reminders: { email: true } },
      commissionDigest: null, // ADR 0138 §3: an applicant sits on no Commission
    });
    const refused = await h
      .http()
      .put('/me/notification-settings')
      .set(auth(token))
      .send(body('en', false, false));
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('kinds.statutory.email');
    expect((await h.http().get('/me/notification-settings').set(auth(token)).expect(200)).body).toMatchObject({
      language: null,
      kinds: { reminders: { email: true } },
    });

    const bad = await h
      .http()
      .put('/me/notification-settings')
      .set(auth(token))
      .send({ language: 'de', kinds: { statutory: { email: true } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('language');

    expect((await h.http().put('/me/notification-settings').set(auth(token)).send(body('en', false)).expect(200)).body).toEqual({
      language: 'en',
      effectiveLanguage: 'en',
      emailKnown: true,
      kinds: { statutory: { email: true }, reminders: { email: false } },
      commissionDigest: null,
    });
    // the choice wins over the claim; reminders no longer resolve to an address, statutory notices still do
    const contacts = h.app.get(PersonContacts);
    const uow = h.app.get(UnitOfWork);
    const reminder = await uow.run(() => contacts.resolve(person, false));
    const statutory = await uow.run(() => contacts.resolve(person, true));
    expect(reminder).toEqual({ language: 'en', email: null });
    expect(statutory.language).toBe('en');
    expect(statutory.email).toMatch(/^s\.\d+@example\.kz$/);
  });

  it('staff have no person settings here (the route is for applicants and Commission members)', async () => {
    await h
      .http()
      .get('/me/notification-settings')
      .set(auth(await h.token(['fund-officer'])))
      .expect(403);
  });
});
