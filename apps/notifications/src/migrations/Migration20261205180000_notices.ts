import { Migration } from '@mikro-orm/migrations';

/**
 * Notices and recipients' settings (issue #16, ADR 0090); the generator's example table goes. One
 * notice per (source event, company): the inbox already drops a redelivered event, the index also
 * refuses the same fact handled twice by two consumers.
 */
export class Migration20261205180000_notices extends Migration {
  override name = 'Migration20261205180000_notices';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_request" cascade;`);
    this.addSql(
      `create table "notifications_notice" ("id" uuid not null, "bin" varchar(12) not null, "source_event_id" uuid not null, "source_event_type" varchar(200) not null, "rule_id" varchar(20) not null, "kind" varchar(20) not null, "language" varchar(2) not null, "subject" varchar(500) not null, "body" text not null, "due_on" date null, "email_to" varchar(320) null, "email_status" varchar(20) not null, "email_message_id" varchar(500) null, "delivered_at" timestamptz null, "read_at" timestamptz null, "created_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`alter table "notifications_notice" add constraint "notifications_notice_kind_check" check ("kind" in ('statutory', 'reminder'));`);
    this.addSql(
      `alter table "notifications_notice" add constraint "notifications_notice_email_status_check" check ("email_status" in ('pending', 'delivered', 'not-sent'));`,
    );
    this.addSql(`create unique index "notifications_notice_source_unique" on "notifications_notice" ("source_event_id", "bin");`);
    this.addSql(`create index "notifications_notice_inbox_idx" on "notifications_notice" ("bin", "created_at" desc);`);
    this.addSql(
      `create table "notifications_recipient" ("bin" varchar(12) not null, "email" varchar(320) null, "language" varchar(2) not null, "language_source" varchar(20) not null, "reminders_enabled" boolean not null, "updated_at" timestamptz not null, primary key ("bin"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_notice";`);
    this.addSql(`drop table if exists "notifications_recipient";`);
  }
}
