import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0104: a dead letter may be sent again by the Fund's staff — how often, last when and by whom.
 * The staff view lists the dead e-mails, most recently given up first (a partial index).
 */
export class Migration20261205233000_resend extends Migration {
  override name = 'Migration20261205233000_resend';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "notifications_message" add column "resend_count" int not null default 0, add column "resent_at" timestamptz null, add column "resent_by" varchar(200) null;`,
    );
    this.addSql(
      `create index "notifications_message_dead_idx" on "notifications_message" ("updated_at" desc) where "channel" = 'email' and "status" = 'dead';`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "notifications_message_dead_idx";`);
    this.addSql(`alter table "notifications_message" drop column "resend_count", drop column "resent_at", drop column "resent_by";`);
  }
}
