import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #16 (F-74; ADR 0094): the decision notice's proof. `notice_proof` says how the notice is
 * proven — `{"via":"officer-record"}` for the officer's record, or the delivery notifications
 * published (`notice-delivered`: channel, message id, content hash, source event, moment). Rows sent
 * before this migration were all recorded by an officer.
 */
export class Migration20261205230000_decision_notice_proof extends Migration {
  override name = 'Migration20261205230000_decision_notice_proof';

  override up(): void | Promise<void> {
    this.addSql(`alter table "training_provider_application" add column "notice_proof" jsonb null;`);
    this.addSql(`update "training_provider_application" set "notice_proof" = '{"via":"officer-record"}' where "notice_sent_on" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "training_provider_application" drop column "notice_proof";`);
  }
}
