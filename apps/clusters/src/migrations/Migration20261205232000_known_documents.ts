import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10 (ADRs 0045, 0049): clusters' copy of the documents verified in the documents context
 * (`documents.document-verified`, `-attached`), so that an application refers to its members' signed
 * consents (C-7, Annex 2) by id. The columns of @hub/nest-commons' knownDocumentSchema, written out.
 */
export class Migration20261205232000_known_documents extends Migration {
  override name = 'Migration20261205232000_known_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "clusters_document" ("id" uuid not null, "bin" varchar(12) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null, "verified_at" timestamptz not null, "attached_to" varchar(300) null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "clusters_document";`);
  }
}
