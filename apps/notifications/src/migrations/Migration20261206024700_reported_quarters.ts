import { Migration } from '@mikro-orm/migrations';

/**
 * F-37, ADR 0105: the quarters a participation has reported (participation's `report-submitted`
 * facts) — a reminder is never armed or written for one of them.
 */
export class Migration20261206024700_reported_quarters extends Migration {
  override name = 'Migration20261206024700_reported_quarters';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "notifications_reported_quarter" ("participation_id" uuid not null, "year" int not null, "quarter" int not null, "report_id" uuid not null, "submitted_on" date not null, "created_at" timestamptz not null, primary key ("participation_id", "year", "quarter"), constraint "notifications_reported_quarter_quarter_check" check ("quarter" between 1 and 4));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_reported_quarter";`);
  }
}
