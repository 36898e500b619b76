import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0113: clusters' copy of the offices' documents verified in the documents context
 * (`documents.office-document-verified`, `-attached`) — the columns of @hub/nest-commons'
 * knownOfficeDocumentSchema, written out — so that the expert stage names its covering letters, the
 * Commission's order and protocol by id; and the id of the C-13 covering letter on the application.
 */
export class Migration20261209000100_office_documents extends Migration {
  override name = 'Migration20261209000100_office_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "clusters_office_document" ("id" uuid not null, "office" varchar(40) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null, "verified_at" timestamptz not null, "attached_to" varchar(300) null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "clusters_application" add column "institute_transfer_document_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "clusters_application" drop column "institute_transfer_document_id";`);
    this.addSql(`drop table if exists "clusters_office_document";`);
  }
}
