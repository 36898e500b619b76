import { Migration } from '@mikro-orm/migrations';

/** Housing and premises's first schema: its own tables (requests; the local copy of participants) and the platform's outbox, inbox and timers (@hub/messaging). */
export class Migration20261205114415_initial extends Migration {
  override name = 'Migration20261205114415_initial';

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
      `create table "housing_request" ("id" uuid not null, "bin" varchar(12) not null, "subject" varchar(500) not null, "status" varchar(20) not null, "opened_at" timestamptz not null, "review_due_on" date not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "housing_request_open_bin_idx" on "housing_request" ("bin") where "status" <> 'closed';`);

    this.addSql(
      `create table "housing_participant" ("participant_id" uuid not null, "bin" varchar(12) not null, "company_name" varchar(500) not null, "term_start" date not null, "term_end" date not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("participant_id"));`,
    );
    this.addSql(`create index "housing_participant_bin_idx" on "housing_participant" ("bin");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "housing_participant" cascade;`);
    this.addSql(`drop table if exists "housing_request" cascade;`);
    this.addSql(`drop table if exists "hub_inbox" cascade;`);
    this.addSql(`drop table if exists "hub_outbox" cascade;`);
    this.addSql(`drop table if exists "hub_timer" cascade;`);
  }
}
