import { Migration } from '@mikro-orm/migrations';

/** Documents's first schema: its own tables (documents, the download log; the local copy of participants) and the platform's outbox, inbox and timers (@hub/messaging). */
export class Migration20261201075517_initial extends Migration {
  override name = 'Migration20261201075517_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "hub_inbox" ("consumer" varchar(200) not null, "event_id" uuid not null, "event_type" varchar(200) not null, "topic" varchar(200) not null, "partition" int not null, "offset" varchar(40) not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "hub_outbox" ("position" bigserial primary key, "event_id" uuid not null, "topic" varchar(200) not null, "message_key" varchar(200) not null, "event_type" varchar(200) not null, "event_version" int not null, "envelope" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`,
    );
    this.addSql(`alter table "hub_outbox" add constraint "hub_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "hub_outbox_unpublished_idx" on "hub_outbox" ("position") where "published_at" is null;`);

    this.addSql(
      `create table "hub_timer" ("id" uuid not null, "kind" varchar(200) not null, "timer_key" varchar(200) not null, "due_at" timestamptz not null, "payload" jsonb not null, "status" varchar(20) not null, "attempts" int not null default 0, "last_error" text null, "correlation_id" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "fired_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "hub_timer_due_idx" on "hub_timer" ("due_at") where "status" = 'scheduled';`);
    this.addSql(`create unique index "hub_timer_live_key_unique" on "hub_timer" ("kind", "timer_key") where "status" = 'scheduled';`);

    this.addSql(
      `create table "document" ("id" uuid not null, "owner_bin" varchar(12) not null, "kind" varchar(60) not null, "restricted" boolean not null, "origin" varchar(20) not null, "status" varchar(20) not null, "series_id" uuid not null, "version_no" int not null, "supersedes_id" uuid null, "declared_name" varchar(255) not null, "declared_size" bigint not null, "object_key" varchar(200) not null, "size" bigint null, "sha256" varchar(64) null, "media_type" varchar(120) null, "rejection" varchar(500) null, "attached_to" varchar(200) null, "attached_at" timestamptz null, "issue_key" varchar(200) null, "created_by" varchar(200) not null, "created_at" timestamptz not null, "verified_at" timestamptz null, "upload_expires_at" timestamptz null, "retain_until" date null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "document" add constraint "document_issue_key_unique" unique ("issue_key");`);
    this.addSql(`alter table "document" add constraint "document_object_key_unique" unique ("object_key");`);
    this.addSql(`create unique index "document_series_version_unique" on "document" ("series_id", "version_no");`);
    this.addSql(`create index "document_owner_bin_idx" on "document" ("owner_bin", "created_at");`);
    this.addSql(`create index "document_retain_until_idx" on "document" ("retain_until") where "retain_until" is not null;`);

    this.addSql(
      `create table "document_download" ("id" uuid not null, "document_id" uuid not null, "owner_bin" varchar(12) not null, "kind" varchar(60) not null, "restricted" boolean not null, "subject" varchar(200) not null, "roles" jsonb not null, "at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "document_download_document_idx" on "document_download" ("document_id", "at");`);

    this.addSql(
      `create table "documents_participant" ("participant_id" uuid not null, "bin" varchar(12) not null, "company_name" varchar(500) not null, "term_start" date not null, "term_end" date not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("participant_id"));`,
    );
    this.addSql(`create index "documents_participant_bin_idx" on "documents_participant" ("bin");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "documents_participant" cascade;`);
    this.addSql(`drop table if exists "document_download" cascade;`);
    this.addSql(`drop table if exists "document" cascade;`);
    this.addSql(`drop table if exists "hub_inbox" cascade;`);
    this.addSql(`drop table if exists "hub_outbox" cascade;`);
    this.addSql(`drop table if exists "hub_timer" cascade;`);
  }
}
