import { Migration } from '@mikro-orm/migrations';

/**
 * Messages and recipients' preferences (issue #16, ADR 0090 – 0092). The generator's example tables
 * (requests, the participants' copy) go: the first migration stays as it landed, because databases
 * that ran it exist.
 */
export class Migration20261205190000_messages extends Migration {
  override name = 'Migration20261205190000_messages';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_request" cascade;`);
    this.addSql(`drop table if exists "notifications_participant" cascade;`);
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
  }
}
