import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #16, ADR 0093: a company may switch e-mail reminders off (statutory notices always go).
 * Existing companies keep getting them (default true).
 */
export class Migration20261205203000_email_reminders extends Migration {
  override name = 'Migration20261205203000_email_reminders';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notifications_recipient_preference" add column "email_reminders" boolean not null default true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications_recipient_preference" drop column "email_reminders";`);
  }
}
