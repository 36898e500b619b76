import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0053 (ADRs 0045, 0049): housing's copy of the documents verified in the documents context
 * (`documents.document-verified`, `-attached`), so that the act handing premises back names its scan
 * by id. The columns of @hub/nest-commons' knownDocumentSchema, written out.
 */
export class Migration20261206024500_known_documents extends Migration {
  override name = 'Migration20261206024500_known_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "housing_document" ("id" uuid not null, "bin" varchar(12) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null, "verified_at" timestamptz not null, "attached_to" varchar(300) null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "housing_document";`);
  }
}
