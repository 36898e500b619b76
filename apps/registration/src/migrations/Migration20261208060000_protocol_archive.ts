import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10 (F-15, F-16, F-20): each Commission protocol is written as a PDF and copied to the Fund's
 * archive of issued documents (the documents context, kind `commission-protocol`), as certificates
 * are (ADR 0106). The application row never changes for it: the archive's answer is recorded here,
 * and a durable timer owes the copy of each protocol — also of those recorded before this migration.
 */
export class Migration20261208060000_protocol_archive extends Migration {
  override name = 'Migration20261208060000_protocol_archive';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registration_protocol_archive" (
         "protocol_number" varchar(20) not null primary key,
         "application_id" uuid not null references "registration_application" ("id"),
         "document_id" uuid not null unique,
         "sha256" char(64) not null,
         "archived_at" timestamptz not null);`,
    );
    this.addSql(`create index "registration_protocol_archive_application_idx" on "registration_protocol_archive" ("application_id");`);
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'registration.protocol-archive', a."protocol_number", now(), jsonb_build_object('protocolNumber', a."protocol_number"), 'scheduled', 0, now(), now()
         from "registration_application" a
        where a."protocol_number" is not null and a."decision" is not null
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'registration.protocol-archive';`);
    this.addSql(`drop table "registration_protocol_archive";`);
  }
}
