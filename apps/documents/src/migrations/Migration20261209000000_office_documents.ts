import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0113: documents of an office (the cluster selection's organiser, institute, Commission — C-2).
 * Such a document has no BIN: `owner_bin` becomes optional and `owner_office` names the office;
 * exactly one of the two is set (a check, so that no document is ownerless or owned twice). The
 * download log records the office the same way.
 */
export class Migration20261209000000_office_documents extends Migration {
  override name = 'Migration20261209000000_office_documents';

  override up(): void | Promise<void> {
    this.addSql(`alter table "document" alter column "owner_bin" drop not null;`);
    this.addSql(`alter table "document" add column "owner_office" varchar(40) null;`);
    this.addSql(`alter table "document" add constraint "document_one_owner_check" check (("owner_bin" is null) <> ("owner_office" is null));`);
    this.addSql(`create index "document_owner_office_index" on "document" ("owner_office") where "owner_office" is not null;`);
    this.addSql(`alter table "document_download" alter column "owner_bin" drop not null;`);
    this.addSql(`alter table "document_download" add column "owner_office" varchar(40) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "document_download" where "owner_office" is not null;`);
    this.addSql(`alter table "document_download" drop column "owner_office";`);
    this.addSql(`alter table "document_download" alter column "owner_bin" set not null;`);
    this.addSql(`delete from "document" where "owner_office" is not null;`);
    this.addSql(`drop index "document_owner_office_index";`);
    this.addSql(`alter table "document" drop constraint "document_one_owner_check";`);
    this.addSql(`alter table "document" drop column "owner_office";`);
    this.addSql(`alter table "document" alter column "owner_bin" set not null;`);
  }
}
