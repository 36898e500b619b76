import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #17, figure (c), ADR 0125: the public registry (F-19) filtered by an activity type as one
 * index range scan. One row per (participant, activity type) with the columns the registry filters
 * and sorts on, written by the participant repository in the transaction that changes the
 * participant (`registration_participant` stays the source of truth; this table is derived and
 * backfilled here). The partial btree `(code, company_name, bin, participant_id) where listed`
 * serves "one activity type, in registry order" by keyset; the status columns are included so the
 * F-19/F-25/F-27/F-28 status filter is checked in the index, and so is the first page's count.
 */
export class Migration20261211600000_registry_activity_rows extends Migration {
  override name = 'Migration20261211600000_registry_activity_rows';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registration_registry_activity" (
         "participant_id" uuid not null references "registration_participant" ("id") on delete cascade,
         "code" varchar(50) not null,
         "company_name" varchar(500) not null,
         "bin" varchar(12) not null,
         "certificate_number" varchar(20) not null,
         "listed" boolean not null,
         "valid_to" date not null,
         "ended_on" date null,
         "end_kind" varchar(10) null,
         primary key ("participant_id", "code"));`,
    );
    this.addSql(
      `insert into "registration_registry_activity" ("participant_id", "code", "company_name", "bin", "certificate_number", "listed", "valid_to", "ended_on", "end_kind")
       select distinct on (p."id", t->>'code') p."id", t->>'code', p."company_name", p."bin", p."certificate_number", p."listed_on" is not null, p."valid_to", p."ended_on", p."end_kind"
         from "registration_participant" p cross join lateral jsonb_array_elements(p."activity_types") t
        where t->>'code' is not null;`,
    );
    this.addSql(
      `create index "registration_registry_activity_page_idx" on "registration_registry_activity" ("code", "company_name", "bin", "participant_id")
         include ("valid_to", "ended_on", "end_kind") where "listed";`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registration_registry_activity";`);
  }
}
