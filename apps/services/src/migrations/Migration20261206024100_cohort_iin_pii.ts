import { Migration } from '@mikro-orm/migrations';
import { z } from 'zod';
import { type PiiCipher, checkPiiConfig, piiCipherFrom, piiConfigShape } from '@hub/pii';

/**
 * F-42 (ADR 0068): cohort members' IINs leave plain text — an AES-GCM ciphertext bound to the row's id
 * and an HMAC blind index that keeps one enrolment per person and cohort. Existing rows are converted
 * in this migration with the context's key ring (HUB_PII_KEYS, HUB_PII_ACTIVE_KEY, HUB_PII_INDEX_KEY in
 * the migration's environment, as `tools/hub up` and a deployment give it); with rows to convert and no
 * key ring it stops and changes nothing (the migration is transactional).
 */
export class Migration20261206024100_cohort_iin_pii extends Migration {
  override name = 'Migration20261206024100_cohort_iin_pii';

  override async up(): Promise<void> {
    await this.execute(`alter table "services_cohort_enrolment" add column "person_iin_index" varchar(64) null, add column "person_iin_cipher" text null;`);
    const rows = (await this.execute(`select "id", "person_iin" from "services_cohort_enrolment" order by "id"`)) as { id: string; person_iin: string }[];
    if (rows.length > 0) {
      const cipher = cipherFromEnvironment(rows.length);
      for (const r of rows)
        await this.execute(`update "services_cohort_enrolment" set "person_iin_index" = ?, "person_iin_cipher" = ? where "id" = ?`, [
          cipher.blindIndex(r.person_iin),
          cipher.encrypt(r.person_iin, r.id),
          r.id,
        ]);
    }
    await this.execute(`drop index "services_cohort_enrolment_person_unique";`);
    await this.execute(
      `alter table "services_cohort_enrolment" alter column "person_iin_index" set not null, alter column "person_iin_cipher" set not null, drop column "person_iin";`,
    );
    await this.execute(`create unique index "services_cohort_enrolment_person_unique" on "services_cohort_enrolment" ("cohort_id", "person_iin_index");`);
    await this.execute(
      `create table "services_pii_access_log" ("id" uuid not null, "actor_subject" varchar(200) not null, "actor_roles" jsonb not null, "cohort_id" uuid not null, "what" varchar(500) not null, "correlation_id" varchar(200) null, "accessed_at" timestamptz not null, primary key ("id"));`,
    );
    await this.execute(`create index "services_pii_access_log_cohort_idx" on "services_pii_access_log" ("cohort_id");`);
  }

  override async down(): Promise<void> {
    await this.execute(`drop table if exists "services_pii_access_log" cascade;`);
    await this.execute(`alter table "services_cohort_enrolment" add column "person_iin" varchar(12) null;`);
    const rows = (await this.execute(`select "id", "person_iin_cipher" from "services_cohort_enrolment" order by "id"`)) as {
      id: string;
      person_iin_cipher: string;
    }[];
    if (rows.length > 0) {
      const cipher = cipherFromEnvironment(rows.length);
      for (const r of rows)
        await this.execute(`update "services_cohort_enrolment" set "person_iin" = ? where "id" = ?`, [cipher.decrypt(r.person_iin_cipher, r.id), r.id]);
    }
    await this.execute(`drop index "services_cohort_enrolment_person_unique";`);
    await this.execute(
      `alter table "services_cohort_enrolment" alter column "person_iin" set not null, drop column "person_iin_index", drop column "person_iin_cipher";`,
    );
    await this.execute(`create unique index "services_cohort_enrolment_person_unique" on "services_cohort_enrolment" ("cohort_id", "person_iin");`);
  }
}

function cipherFromEnvironment(rows: number): PiiCipher {
  const env = z.object(piiConfigShape).superRefine(checkPiiConfig).safeParse(process.env);
  if (!env.success)
    throw new Error(
      `services: ${rows} cohort enrolment(s) hold an IIN to encrypt (F-42, ADR 0068) and the key ring is not configured: ${env.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return piiCipherFrom(env.data);
}
