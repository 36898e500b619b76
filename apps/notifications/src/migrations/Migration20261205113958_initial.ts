import { Migration } from '@mikro-orm/migrations';

/** Notifications's first schema: its own tables (the messages, ADR 0091; the companies' notice preferences, ADR 0090) and the platform's outbox, inbox and timers (@hub/messaging). */
export class Migration20261205113958_initial extends Migration {
  override name = 'Migration20261205113958_initial';

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
      `create table "notifications_message" ("id" uuid not null, "source_event_id" uuid not null, "source_event_type" varchar(200) not null, "template" varchar(200) not null, "rule_id" varchar(20) null, "statutory" boolean not null, "subject_id" uuid not null, "bin" varchar(12) not null, "recipient_role" varchar(40) not null, "channel" varchar(10) not null, "address" varchar(320) null, "language" varchar(2) not null, "subject" varchar(500) not null, "body" text not null, "content_hash" varchar(64) not null, "due_on" date null, "status" varchar(20) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "transport_id" varchar(500) null, "delivered_at" timestamptz null, "read_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"), constraint "notifications_message_channel_check" check ("channel" in ('email', 'portal')), constraint "notifications_message_status_check" check (("channel" = 'email' and "status" in ('pending', 'sent', 'dead')) or ("channel" = 'portal' and "status" in ('unread', 'read'))), constraint "notifications_message_address_check" check (("channel" = 'email') = ("address" is not null)));`,
    );
    // The second guard after the inbox (ADR 0091): one message per source event, role, company and channel.
    this.addSql(
      `create unique index "notifications_message_source_unique" on "notifications_message" ("source_event_id", "recipient_role", "bin", "channel");`,
    );
    // The worker's queue: due e-mails only.
    this.addSql(
      `create index "notifications_message_due_idx" on "notifications_message" ("next_attempt_at") where "channel" = 'email' and "status" = 'pending';`,
    );
    // The portal inbox: a company's messages, newest first.
    this.addSql(`create index "notifications_message_portal_idx" on "notifications_message" ("bin", "created_at" desc) where "channel" = 'portal';`);

    this.addSql(
      `create table "notifications_recipient_preference" ("bin" varchar(12) not null, "language" varchar(2) null, "email" varchar(320) null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("bin"), constraint "notifications_recipient_preference_language_check" check ("language" in ('kk', 'ru', 'en')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_recipient_preference" cascade;`);
    this.addSql(`drop table if exists "notifications_message" cascade;`);
    this.addSql(`drop table if exists "hub_inbox" cascade;`);
    this.addSql(`drop table if exists "hub_outbox" cascade;`);
    this.addSql(`drop table if exists "hub_timer" cascade;`);
  }
}
