import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from '@hub/kernel';
import { piiCipherFrom, piiConfigShape } from '@hub/pii';
import { type TestDatabase, anIin, createTestDatabase } from '@hub/testing';
import { servicesOrmConfig } from '../../src/mikro-orm.config.js';
import { TEST_PII, newBin } from '../support/services-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** F-42 (ADR 0069): the migration gives every individual recipient already stored a pseudonym and keeps the IIN only encrypted. */
describe('F-42 (ADR 0069): the migration replaces individuals’ IINs by pseudonyms', () => {
  const BEFORE = 'Migration20261206031700_application_translation';

  it('F-42: without a key ring it stops and changes nothing; with one every row and outbox message of a person names one pseudonym, the IIN is only in the registry (encrypted); a check refuses an IIN afterwards; down() restores', async () => {
    const { clientUrl: _unused, ...orm } = servicesOrmConfig('');
    const db: TestDatabase = await createTestDatabase('services_pseudonym_mig', { ...orm, migrate: async (o) => void (await o.migrator.up({ to: BEFORE })) });
    const saved = { keys: process.env['HUB_PII_KEYS'], active: process.env['HUB_PII_ACTIVE_KEY'] };
    try {
      const em = db.orm.em.fork();
      const q = <T>(text: string, params: unknown[] = []) => em.getConnection().execute<T[]>(text, params);
      const [anna, boris, bin] = [anIin(), anIin(), newBin()];
      const apps = [
        { id: uuidv7(), kind: 'individual', rid: anna },
        { id: uuidv7(), kind: 'individual', rid: anna }, // the same person in another call
        { id: uuidv7(), kind: 'individual', rid: boris },
        { id: uuidv7(), kind: 'legal-entity', rid: bin },
      ];
      const invoiceId = uuidv7();
      // foreign keys are switched off for the fixture rows of this migration test only
      await q(`set session_replication_role = replica`);
      for (const a of apps)
        await q(
          `insert into services_application (id, call_id, service_id, recipient_kind, recipient_id, filed_by, participant_at_filing, language, translation_required, declaration_accepted, content, status, remarks, filed_at, review_due_on, review_overdue, updated_at) values (?, ?, ?, ?, ?, 'someone', false, 'ru', false, true, '{}', 'under-review', '[]', now(), '2026-12-30', false, now())`,
          [a.id, uuidv7(), uuidv7(), a.kind, a.rid],
        );
      await q(
        `insert into services_invoice (id, number, application_id, contract_id, recipient_kind, recipient_id, amount_tiyn, purpose, issued_on, due_on, status, issued_by, updated_at) values (?, 'SRV-2026-000001', ?, ?, 'individual', ?, 100, 'x', '2026-12-01', '2026-12-15', 'issued', 'finance', now())`,
        [invoiceId, apps[0]!.id, uuidv7(), anna],
      );
      await q(`set session_replication_role = origin`);
      const envelope = (rid: string, kind: string) =>
        JSON.stringify({
          id: uuidv7(),
          type: 'services.application-filed',
          version: 1,
          aggregateId: apps[0]!.id,
          payload: { recipientKind: kind, recipientId: rid },
        });
      for (const [rid, kind] of [
        [anna, 'individual'],
        [bin, 'legal-entity'],
      ] as const)
        await q(
          `insert into hub_outbox (event_id, topic, message_key, event_type, event_version, envelope, created_at, published_at) values (?, 'hub.services.events.v1', ?, 'services.application-filed', 1, ?::jsonb, now(), now())`,
          [uuidv7(), rid, envelope(rid, kind)],
        );
      const snapshot = async () => ({
        applications: await q(`select id, recipient_id from services_application order by id`),
        invoices: await q(`select id, recipient_id from services_invoice order by id`),
        outbox: await q(`select message_key, envelope from hub_outbox order by position`),
      });
      const before = await snapshot();

      delete process.env['HUB_PII_KEYS'];
      delete process.env['HUB_PII_ACTIVE_KEY'];
      await expect(db.orm.migrator.up()).rejects.toThrow(/2 individual recipient\(s\) are named by their IIN/);
      expect(await snapshot()).toEqual(before);
      expect(await q(`select to_regclass('services_recipient_person') as t`)).toEqual([{ t: null }]);

      process.env['HUB_PII_KEYS'] = TEST_PII.HUB_PII_KEYS;
      process.env['HUB_PII_ACTIVE_KEY'] = TEST_PII.HUB_PII_ACTIVE_KEY;
      await db.orm.migrator.up();
      const cipher = piiCipherFrom(z.object(piiConfigShape).parse(TEST_PII));
      const people = await q<{ id: string; iin_index: string; iin_cipher: string }>(`select id, iin_index, iin_cipher from services_recipient_person`);
      expect(people).toHaveLength(2);
      const pseudonymOf = new Map(people.map((p) => [cipher.decrypt(p.iin_cipher, p.id), p.id]));
      expect([...pseudonymOf.keys()].sort()).toEqual([anna, boris].sort());
      for (const p of people) expect(p.iin_index).toBe(cipher.blindIndex(cipher.decrypt(p.iin_cipher, p.id)));
      const rows = await q<{ id: string; recipient_id: string }>(`select id, recipient_id from services_application`);
      for (const a of apps) {
        const row = rows.find((r) => r.id === a.id)!;
        if (a.kind === 'legal-entity') expect(row.recipient_id).toBe(bin);
        else {
          expect(row.recipient_id).toMatch(UUID);
          expect(row.recipient_id).toBe(pseudonymOf.get(a.rid));
        }
      }
      expect(await q(`select recipient_id from services_invoice`)).toEqual([{ recipient_id: pseudonymOf.get(anna) }]);
      const outbox = await q<{ message_key: string; envelope: { payload: { recipientId: string } } }>(
        `select message_key, envelope from hub_outbox order by position`,
      );
      expect(outbox.map((m) => [m.message_key, m.envelope.payload.recipientId])).toEqual([
        [pseudonymOf.get(anna), pseudonymOf.get(anna)],
        [bin, bin],
      ]);
      // nothing but the registry's ciphertexts is left of the IINs in these tables
      for (const t of ['services_application', 'services_invoice', 'hub_outbox', 'services_recipient_person']) {
        const dump = JSON.stringify(await q(`select t::text from "${t}" t`));
        expect(dump, t).not.toContain(anna);
        expect(dump, t).not.toContain(boris);
      }
      // afterwards the database itself refuses an individual named by an IIN
      await q(`set session_replication_role = replica`);
      await expect(q(`update services_invoice set recipient_id = ? where id = ?`, [anna, invoiceId])).rejects.toThrow(/services_invoice_recipient_id_form/);
      await q(`set session_replication_role = origin`);

      await db.orm.migrator.down({ to: BEFORE });
      expect(await snapshot()).toEqual(before);
    } finally {
      if (saved.keys === undefined) delete process.env['HUB_PII_KEYS'];
      else process.env['HUB_PII_KEYS'] = saved.keys;
      if (saved.active === undefined) delete process.env['HUB_PII_ACTIVE_KEY'];
      else process.env['HUB_PII_ACTIVE_KEY'] = saved.active;
      await db.drop();
    }
  });
});
