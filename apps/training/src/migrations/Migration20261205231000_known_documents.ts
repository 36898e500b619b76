import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10 (ADRs 0045, 0049): training's copy of the documents verified in the documents context
 * (`documents.document-verified`, `-attached`), so that a provider application refers to its syllabi
 * (F-65(1)) and rights documents (F-65(2)–(6)) by id and training checks their company and kind. The
 * columns of @hub/nest-commons' knownDocumentSchema, written out (a migration never changes).
 */
export class Migration20261205231000_known_documents extends Migration {
  override name = 'Migration20261205231000_known_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "training_document" ("id" uuid not null, "bin" varchar(12) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null, "verified_at" timestamptz not null, "attached_to" varchar(300) null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "training_document";`);
  }
}
