import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { reencryptPiiColumns } from '@hub/pii/reencryption';
import { testKeyRing } from '@hub/pii/testing';
import { ContactCipher } from '../../src/messages/application/ports/person-contact.repository.js';
import { SEALED_COLUMNS } from '../../src/messages/domain/sealed-columns.js';
import { PiiContactCipher } from '../../src/messages/infrastructure/pii-contact-cipher.js';
import { type Harness, applicationSubmitted, auth, decisionMade, deliver, delivery, newBin, prefer, startHarness } from '../support/notifications-harness.js';

/**
 * F-42 key rotation (ADR 0022, ADR 0133, docs/runbooks/pii-key-rotation.md) on the real PostgreSQL and a
 * real SMTP server: the app runs on a ring whose active key is k1 and that already holds k2; every value
 * notifications seals (ADR 0114, ADR 0121 — a company's mailbox, a person's e-mail, an application's filer,
 * an e-mail row's address) is under k1. `reencryptPiiColumns` over `SEALED_COLUMNS` (the `reencrypt-pii` command) moves them
 * all to k2 in batches; they open with k2 alone; a second run moves nothing; with k1 gone from the ring the
 * app still reads the mailbox and delivers the pending e-mail to the right address.
 */
const { ring, env } = testKeyRing(); // k1 and k2, fresh random keys (F-42, ADR 0022)

let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_pii_rotation', { env: env('k1') });
});
afterAll(async () => {
  await h?.close();
});

/** Every sealed value of every column the rotation covers, with its row key and binding. */
const sealed = async () => {
  const out: { binding: string; key: string; ciphertext: string }[] = [];
  for (const { table, key, column, binding } of SEALED_COLUMNS)
    for (const r of await h.sql<{ key: string; c: string }>(
      `select "${key}"::text as key, "${column}" as c from "${table}" where "${column}" is not null order by 1`,
    ))
      out.push({ binding, key: r.key, ciphertext: r.c });
  return out;
};

describe('F-42: notifications re-encrypts its sealed personal data with the active key (ADR 0133)', () => {
  it('every ciphertext of the four sealed columns moves from k1 to k2 once, opens with k2 alone, a second run moves nothing; with k1 removed the app reads and delivers', async () => {
    const bin = newBin();
    const stamp = Date.now();
    const mailbox = `office.${stamp}@company.kz`;
    const repEmail = `rep.${stamp}@company.kz`;
    const filer = `filer-${stamp}`;
    await prefer(h, bin, 'ru', mailbox); // a company's mailbox (ADR 0121 §4)
    await h
      .http()
      .get('/inbox')
      .set(auth(await h.issuer.issue({ sub: `rep-${stamp}`, roles: ['applicant'], name: 'Rep', email: repEmail, locale: 'en', companies: [bin] })))
      .expect(200); // a person's e-mail from the claims (ADR 0114)
    const filed = applicationSubmitted({ bin, language: 'ru', filedBy: filer }); // an application's filer (ADR 0121 §2)
    expect(await deliver(h, filed)).toBe('handled');
    const decided = decisionMade({ bin, applicationId: filed.payload.applicationId }); // F-17: an e-mail row to the representative, not sent yet
    expect(await deliver(h, decided)).toBe('handled');

    const before = await sealed();
    expect(before.map((r) => r.binding).sort()).toEqual(SEALED_COLUMNS.map((c) => c.binding).sort()); // one value of each column
    expect(before.map((r) => ring('k1', ['k1']).keyIdOf(r.ciphertext))).toEqual(['k1', 'k1', 'k1', 'k1']);

    const em = h.db.orm.em.fork() as SqlEntityManager;
    expect((await reencryptPiiColumns(em, ring('k2'), SEALED_COLUMNS, 1)).moved).toBe(4); // a batch of one: each column's loop goes on until a short batch
    const after = await sealed();
    expect(after.map((r) => [r.binding, r.key])).toEqual(before.map((r) => [r.binding, r.key]));
    expect(after.map((r) => ring('k2', ['k2']).keyIdOf(r.ciphertext))).toEqual(['k2', 'k2', 'k2', 'k2']);
    const k2Only = new PiiContactCipher(ring('k2', ['k2']));
    const opened = after.map((r) => k2Only.openAs(r.binding, r.key, r.ciphertext)).sort();
    expect(opened).toEqual([filer, mailbox, repEmail, repEmail].sort()); // the rep's contact and the e-mail row both hold the address
    const k1Only = new PiiContactCipher(ring('k1', ['k1']));
    expect(() => k1Only.openAs(after[0]!.binding, after[0]!.key, after[0]!.ciphertext)).toThrow(/k2/);
    expect((await reencryptPiiColumns(em, ring('k2'), SEALED_COLUMNS)).moved).toBe(0); // idempotent: resumed or repeated, nothing moves twice

    // runbook step 4: k1 leaves the ring — the app, restarted on k2 alone, reads the mailbox and delivers the pending e-mail
    Object.assign(h.app.get(ContactCipher), { pii: ring('k2', ['k2']) });
    const prefs = await h
      .http()
      .get(`/recipients/${bin}/preferences`)
      .set(auth(await h.token(['applicant'], [bin])))
      .expect(200);
    expect(prefs.body).toMatchObject({ email: mailbox });
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(repEmail))).toHaveLength(1);
    const [row] = await h.sql<{ status: string }>(`select status from notifications_message where source_event_id = ? and channel = 'email'`, [decided.id]);
    expect(row!.status).toBe('sent');
  });
});
