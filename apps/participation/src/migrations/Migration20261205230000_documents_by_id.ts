import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10 (ADRs 0045, 0049): counter-obligations refer to documents of the documents context by id —
 * F-32/F-38 answers, the F-33 audit opinion, F-34 copies of decisions — and participation keeps its
 * own copy of the verified documents (`documents.document-verified`, `-attached`) to check the
 * company and kind. The deprecated metadata columns stay for the answers already given with them.
 */
export class Migration20261205230000_documents_by_id extends Migration {
  override name = 'Migration20261205230000_documents_by_id';

  override up(): void | Promise<void> {
    // The columns of @hub/nest-commons' knownDocumentSchema (written out: a migration never changes).
    this.addSql(
      `create table "participation_document" ("id" uuid not null, "bin" varchar(12) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null, "verified_at" timestamptz not null, "attached_to" varchar(300) null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "information_request" add column "document_ids" jsonb not null default '[]';`);
    this.addSql(`alter table "audit_obligation" add column "opinion_document_id" uuid null;`);
    this.addSql(`alter table "corporate_notice" add column "document_ids" jsonb not null default '[]';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "corporate_notice" drop column "document_ids";`);
    this.addSql(`alter table "audit_obligation" drop column "opinion_document_id";`);
    this.addSql(`alter table "information_request" drop column "document_ids";`);
    this.addSql(`drop table if exists "participation_document";`);
  }
}
