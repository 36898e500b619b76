import { Migration } from '@mikro-orm/migrations';

/**
 * Annex 3 (ADR 0051): the extension certificate as issued — stored bytes and their SHA-256, its own
 * number and issue date. Insert-only: a trigger refuses UPDATE and DELETE, so a certificate once issued
 * never changes. Certificates of extensions approved before this migration are issued (rendered once
 * and stored) on their first download.
 */
export class Migration20261201100000_extension_certificate extends Migration {
  override name = 'Migration20261201100000_extension_certificate';

  override up(): void | Promise<void> {
    this.addSql(`create table "extension_certificate" (
      "id" uuid not null primary key,
      "extension_id" uuid not null references "participation_extension" ("id"),
      "participation_id" uuid not null references "participation" ("id"),
      "number" varchar(100) not null,
      "issued_on" date not null,
      "valid_from" date not null,
      "valid_to" date not null,
      "media_type" varchar(100) not null,
      "content" bytea not null,
      "sha256" varchar(64) not null check ("sha256" ~ '^[0-9a-f]{64}$'),
      "created_at" timestamptz not null,
      constraint "extension_certificate_extension_unique" unique ("extension_id"),
      constraint "extension_certificate_number_unique" unique ("number"),
      constraint "extension_certificate_validity" check ("valid_from" <= "valid_to"));`);
    this.addSql(`create index "extension_certificate_participation_idx" on "extension_certificate" ("participation_id");`);
    this.addSql(`create function "extension_certificate_immutable"() returns trigger language plpgsql as $$
      begin raise exception 'an issued extension certificate is immutable (Annex 3, ADR 0051)'; end $$;`);
    this.addSql(`create trigger "extension_certificate_immutable" before update or delete on "extension_certificate"
      for each row execute function "extension_certificate_immutable"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "extension_certificate";`);
    this.addSql(`drop function if exists "extension_certificate_immutable"();`);
  }
}
