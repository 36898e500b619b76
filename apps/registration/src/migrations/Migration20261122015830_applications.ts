import { Migration } from '@mikro-orm/migrations';

export class Migration20261122015830_applications extends Migration {
  override name = 'Migration20261122015830_applications';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registration_application" ("id" uuid not null, "kind" varchar(30) not null, "bin" varchar(12) not null, "company_name" varchar(500) not null, "status" varchar(30) not null, "language" varchar(2) not null, "filed_at" timestamptz null, "data" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "registration_application_bin_idx" on "registration_application" ("bin");`);
    this.addSql(`create index "registration_application_status_idx" on "registration_application" ("status");`);

    this.addSql(
      `create table "registration_certificate" ("number" varchar(20) not null, "participant_id" uuid not null, "bin" varchar(12) not null, "issued_on" varchar(10) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) not null, "pdf" bytea not null, "sha256" varchar(64) not null, "signature" jsonb not null, "created_at" timestamptz not null, primary key ("number"));`,
    );

    this.addSql(
      `create table "registration_deadline" ("id" uuid not null, "application_id" uuid not null, "bin" varchar(12) not null, "kind" varchar(40) not null, "rule_id" varchar(20) not null, "started_on" varchar(10) not null, "due_date" varchar(10) not null, "due_at" timestamptz not null, "status" varchar(10) not null, "closed_at" timestamptz null, "missed_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "registration_deadline_application_idx" on "registration_deadline" ("application_id");`);

    this.addSql(
      `create table "registration_participant" ("id" uuid not null, "bin" varchar(12) not null, "company_name" varchar(500) not null, "address" varchar(1000) not null, "activity_types" jsonb not null, "registration_application_id" uuid not null, "contract_number" varchar(100) not null, "contract_signed_on" varchar(10) not null, "term_start" varchar(10) not null, "term_end" varchar(10) not null, "certificate_number" varchar(20) not null, "certificate_issued_on" varchar(10) null, "listed_on" varchar(10) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "registration_participant" add constraint "registration_participant_bin_unique" unique ("bin");`);
    this.addSql(`alter table "registration_participant" add constraint "registration_participant_certificate_unique" unique ("certificate_number");`);

    this.addSql(
      `create table "registration_translation_task" ("id" uuid not null, "application_id" uuid not null, "bin" varchar(12) not null, "source_language" varchar(2) not null, "target_language" varchar(2) not null, "status" varchar(10) not null, "document_ref" varchar(200) null, "created_at" timestamptz not null, "completed_at" timestamptz null, "completed_by" varchar(200) null, primary key ("id"));`,
    );
    this.addSql(`create index "registration_translation_task_application_idx" on "registration_translation_task" ("application_id");`);

    // Hand-written: numbering of certificates (AH-<year>-<n>) and Commission protocols (CP-<year>-<n>), and the deadline board's index.
    this.addSql(`create sequence if not exists "registration_certificate_seq";`);
    this.addSql(`create sequence if not exists "registration_protocol_seq";`);
    this.addSql(`create index "registration_deadline_open_due_idx" on "registration_deadline" ("due_at") where "status" = 'open';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registration_application" cascade;`);
    this.addSql(`drop table if exists "registration_certificate" cascade;`);
    this.addSql(`drop table if exists "registration_deadline" cascade;`);
    this.addSql(`drop table if exists "registration_participant" cascade;`);
    this.addSql(`drop table if exists "registration_translation_task" cascade;`);
    this.addSql(`drop sequence if exists "registration_certificate_seq";`);
    this.addSql(`drop sequence if exists "registration_protocol_seq";`);
  }
}
