import { Migration } from '@mikro-orm/migrations';

/**
 * F-52 to individuals (ADR 0094, 0107): a message is addressed to a company (`bin`) or to a person by
 * the portal subject who filed (`recipient_subject`) — never by IIN (F-42: no IIN in a notification
 * row). Exactly one of the two; a person's messages are unique per source event as a company's are.
 */
export class Migration20261207050000_person_recipients extends Migration {
  override name = 'Migration20261207050000_person_recipients';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notifications_message" add column "recipient_subject" varchar(200) null;`);
    this.addSql(`alter table "notifications_message" alter column "bin" drop not null;`);
    this.addSql(
      `alter table "notifications_message" add constraint "notifications_message_one_recipient_check" check (("bin" is null) <> ("recipient_subject" is null));`,
    );
    this.addSql(
      `create unique index "notifications_message_person_source_unique" on "notifications_message" ("source_event_id", "recipient_role", "recipient_subject", "channel") where "recipient_subject" is not null;`,
    );
    this.addSql(
      `create index "notifications_message_person_portal_idx" on "notifications_message" ("recipient_subject", "created_at" desc) where "channel" = 'portal' and "recipient_subject" is not null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "notifications_message_person_portal_idx";`);
    this.addSql(`drop index if exists "notifications_message_person_source_unique";`);
    this.addSql(`delete from "notifications_message" where "bin" is null;`);
    this.addSql(`alter table "notifications_message" drop constraint if exists "notifications_message_one_recipient_check";`);
    this.addSql(`alter table "notifications_message" alter column "bin" set not null;`);
    this.addSql(`alter table "notifications_message" drop column if exists "recipient_subject";`);
  }
}
