import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0106 (issue #10): issued certificates (F-18) are copied to the Fund's archive of issued documents
 * (the documents context). The certificate row never changes, so the archive's answer is recorded
 * beside it; a durable timer owes the copy of each certificate — also of those issued before this
 * migration (one timer each, due at once).
 */
export class Migration20261207070000_certificate_archive extends Migration {
  override name = 'Migration20261207070000_certificate_archive';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registration_certificate_archive" (
         "number" varchar(20) not null primary key references "registration_certificate" ("number"),
         "document_id" uuid not null unique,
         "archived_at" timestamptz not null);`,
    );
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'registration.certificate-archive', c."number", now(), jsonb_build_object('number', c."number"), 'scheduled', 0, now(), now()
         from "registration_certificate" c
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'registration.certificate-archive';`);
    this.addSql(`drop table "registration_certificate_archive";`);
  }
}
