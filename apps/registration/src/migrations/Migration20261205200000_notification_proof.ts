import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #16 (F-17; ADR 0092): the decision notice's proof. `notification_proof` says how the F-17
 * notice is proven — `{"via":"officer-record"}` for an officer's record, or the delivery
 * notifications published (`notice-delivered`: channel, message id, content hash, source event).
 * Rows notified before this migration were all recorded by an officer.
 */
export class Migration20261205200000_notification_proof extends Migration {
  override name = 'Migration20261205200000_notification_proof';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registration_application" add column "notification_proof" jsonb null;`);
    this.addSql(`update "registration_application" set "notification_proof" = '{"via":"officer-record"}' where "notified_at" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registration_application" drop column "notification_proof";`);
  }
}
