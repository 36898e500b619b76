import { Migration } from '@mikro-orm/migrations';

/** F-49 (languages as F-10): the Fund's Kazakh or Russian translation of an application filed in English. */
export class Migration20261206031700_application_translation extends Migration {
  override name = 'Migration20261206031700_application_translation';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "services_application" add column "translation_language" varchar(2) null check ("translation_language" in ('kk','ru')), add column "translation_document_ref" varchar(200) null, add column "translated_at" timestamptz null, add column "translated_by" varchar(200) null;`,
    );
    this.addSql(
      `alter table "services_application" add constraint "services_application_translation_check" check (("translation_language" is null) = ("translated_at" is null) and ("translation_language" is null or "translation_required"));`,
    );
    this.addSql(
      `create index "services_application_translation_open_idx" on "services_application" ("filed_at") where "translation_required" and "translation_language" is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "services_application_translation_open_idx";`);
    this.addSql(
      `alter table "services_application" drop constraint "services_application_translation_check", drop column "translation_language", drop column "translation_document_ref", drop column "translated_at", drop column "translated_by";`,
    );
  }
}
