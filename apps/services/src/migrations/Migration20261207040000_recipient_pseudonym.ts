import { Migration } from '@mikro-orm/migrations';
import { z } from 'zod';
import { uuidv7 } from '@hub/kernel';
import { type PiiCipher, checkPiiConfig, piiCipherFrom, piiConfigShape } from '@hub/pii';

/** The tables that name a service recipient (F-43): a legal entity by its BIN, an individual by a pseudonym. */
const RECIPIENT_TABLES = ['services_application', 'services_invoice', 'services_delivery_act', 'services_cohort_enrolment'] as const;
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/**
 * F-42 (ADR 0069): an individual recipient's IIN leaves `recipient_id` and the Kafka keys. Each person gets a
 * pseudonym (a uuid) in `services_recipient_person`, where the IIN is kept once, encrypted (row-bound
 * AES-GCM) with its blind index (unique). Existing rows are converted here with the context's key ring
 * (HUB_PII_KEYS, HUB_PII_ACTIVE_KEY, HUB_PII_INDEX_KEY in the migration's environment, as `tools/hub up` and a
 * deployment give it), and so are the outbox's messages keyed by such an IIN (key and `recipientId`); with
 * individuals to convert and no key ring it stops and changes nothing (the migration is transactional).
 * A check on every recipient table then refuses an individual's row whose id is not a uuid.
 */
export class Migration20261207040000_recipient_pseudonym extends Migration {
  override name = 'Migration20261207040000_recipient_pseudonym';

  override async up(): Promise<void> {
    await this.execute(
      `create table "services_recipient_person" ("id" uuid not null, "iin_index" varchar(64) not null, "iin_cipher" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    await this.execute(`create unique index "services_recipient_person_iin_unique" on "services_recipient_person" ("iin_index");`);
    for (const t of RECIPIENT_TABLES) await this.execute(`alter table "${t}" alter column "recipient_id" type varchar(36);`);
    const iins = (await this.execute(
      RECIPIENT_TABLES.map((t) => `select "recipient_id" as "iin" from "${t}" where "recipient_kind" = 'individual'`).join(' union ') + ` order by "iin"`,
    )) as { iin: string }[];
    if (iins.length > 0) {
      const cipher = cipherFromEnvironment(iins.length);
      for (const { iin } of iins) {
        const id = uuidv7();
        await this.execute(`insert into "services_recipient_person" ("id", "iin_index", "iin_cipher", "created_at") values (?, ?, ?, now())`, [
          id,
          cipher.blindIndex(iin),
          cipher.encrypt(iin, id),
        ]);
        for (const t of RECIPIENT_TABLES)
          await this.execute(`update "${t}" set "recipient_id" = ? where "recipient_kind" = 'individual' and "recipient_id" = ?`, [id, iin]);
        // the outbox keeps what it relayed: its messages about this person are keyed and addressed by the pseudonym too
        await this.execute(
          `update "hub_outbox" set "message_key" = ?, "envelope" = jsonb_set("envelope", '{payload,recipientId}', to_jsonb(?::text)) where "message_key" = ? and "envelope"->'payload'->>'recipientKind' = 'individual'`,
          [id, id, iin],
        );
      }
    }
    for (const t of RECIPIENT_TABLES)
      await this.execute(
        `alter table "${t}" add constraint "${t}_recipient_id_form" check (("recipient_kind" = 'legal-entity' and "recipient_id" ~ '^[0-9]{12}$') or ("recipient_kind" = 'individual' and "recipient_id" ~ '${UUID}'));`,
      );
  }

  override async down(): Promise<void> {
    for (const t of RECIPIENT_TABLES) await this.execute(`alter table "${t}" drop constraint if exists "${t}_recipient_id_form";`);
    const people = (await this.execute(`select "id", "iin_cipher" from "services_recipient_person" order by "id"`)) as { id: string; iin_cipher: string }[];
    if (people.length > 0) {
      const cipher = cipherFromEnvironment(people.length);
      for (const p of people) {
        const iin = cipher.decrypt(p.iin_cipher, p.id);
        for (const t of RECIPIENT_TABLES)
          await this.execute(`update "${t}" set "recipient_id" = ? where "recipient_kind" = 'individual' and "recipient_id" = ?`, [iin, p.id]);
        await this.execute(
          `update "hub_outbox" set "message_key" = ?, "envelope" = jsonb_set("envelope", '{payload,recipientId}', to_jsonb(?::text)) where "message_key" = ? and "envelope"->'payload'->>'recipientKind' = 'individual'`,
          [iin, iin, p.id],
        );
      }
    }
    // `recipient_id` stays varchar(36): narrowing it rewrites the four tables for nothing (an IIN fits either way)
    await this.execute(`drop table if exists "services_recipient_person" cascade;`);
  }
}

function cipherFromEnvironment(people: number): PiiCipher {
  const env = z.object(piiConfigShape).superRefine(checkPiiConfig).safeParse(process.env);
  if (!env.success)
    throw new Error(
      `services: ${people} individual recipient(s) are named by their IIN and must get a pseudonym with an encrypted IIN (F-42, ADR 0069), and the key ring is not configured: ${env.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return piiCipherFrom(env.data);
}
