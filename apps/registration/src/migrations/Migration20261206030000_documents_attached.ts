import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10 (ADR 0049): registration's local copy of verified documents becomes the shared one of
 * `@hub/nest-commons` (`knownDocumentSchema`), which also knows where documents attached each
 * document (`documents.document-attached`), so a document of one application is not accepted for
 * another. Documents attached every filed application's documents to it; the column is backfilled
 * from registration's own applications so that the check holds for what was filed before.
 */
export class Migration20261206030000_documents_attached extends Migration {
  override name = 'Migration20261206030000_documents_attached';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registration_document" add column "attached_to" varchar(300) null;`);
    this.addSql(
      `update "registration_document" d set "attached_to" = 'registration/application/' || a."id"
         from "registration_application" a
        where a."status" <> 'draft'
          and (a."tax_certificate"->>'documentId' = d."id"::text or a."place_of_business"->>'documentId' = d."id"::text);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registration_document" drop column "attached_to";`);
  }
}
