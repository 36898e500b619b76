import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10 (ADR 0045): registration's local copy of the documents verified in the documents
 * context (`documents.document-verified`), so that an application refers to uploads by id (F-9(2),
 * F-9(3)) and registration checks their company and kind without calling documents.
 */
export class Migration20261205210000_known_documents extends Migration {
  override name = 'Migration20261205210000_known_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registration_document" ("id" uuid not null, "bin" varchar(12) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null, "verified_at" timestamptz not null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registration_document";`);
  }
}
