import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0121 (issue #16): a statutory notice to a company goes by e-mail to each of its known
 * representatives (persons learnt from verified tokens with that company, ADR 0114), each in their
 * language. Such an e-mail row names both the company (`bin`: the message log per company, the proof of
 * delivery under the BIN) and the person (`recipient_subject`): at least one of the two, no longer
 * exactly one. A company's own rows (the portal message, the company mailbox) stay unique per source
 * event, role, company and channel; a representative's per source event, role, person and channel.
 * The representatives of a company are found by the token's companies (GIN index).
 */
export class Migration20261211200000_representatives extends Migration {
  override name = 'Migration20261211200000_representatives';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notifications_message" drop constraint if exists "notifications_message_one_recipient_check";`);
    this.addSql(
      `alter table "notifications_message" add constraint "notifications_message_recipient_check" check ("bin" is not null or "recipient_subject" is not null);`,
    );
    this.addSql(`drop index if exists "notifications_message_source_unique";`);
    this.addSql(
      `create unique index "notifications_message_source_unique" on "notifications_message" ("source_event_id", "recipient_role", "bin", "channel") where "recipient_subject" is null;`,
    );
    this.addSql(`create index "notifications_person_contact_companies_idx" on "notifications_person_contact" using gin ("companies");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "notifications_person_contact_companies_idx";`);
    this.addSql(`delete from "notifications_message" where "bin" is not null and "recipient_subject" is not null;`);
    this.addSql(`drop index if exists "notifications_message_source_unique";`);
    this.addSql(
      `create unique index "notifications_message_source_unique" on "notifications_message" ("source_event_id", "recipient_role", "bin", "channel");`,
    );
    this.addSql(`alter table "notifications_message" drop constraint if exists "notifications_message_recipient_check";`);
    this.addSql(
      `alter table "notifications_message" add constraint "notifications_message_one_recipient_check" check (("bin" is null) <> ("recipient_subject" is null));`,
    );
  }
}
