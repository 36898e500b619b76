import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0137 (F-10, issue #11): a translation task records the translation's document (the documents
 * context, kind `application-translation`) instead of a typed reference. Tasks done before keep their
 * `document_ref`; a done task names one or the other.
 */
export class Migration20261212700000_translation_document extends Migration {
  override name = 'Migration20261212700000_translation_document';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registration_translation_task" add column "document_id" uuid null;`);
    this.addSql(
      `alter table "registration_translation_task" add constraint "registration_translation_task_done_names_its_translation"
         check ("status" <> 'done' or "document_id" is not null or "document_ref" is not null);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registration_translation_task" drop constraint if exists "registration_translation_task_done_names_its_translation";`);
    this.addSql(`alter table "registration_translation_task" drop column if exists "document_id";`);
  }
}
