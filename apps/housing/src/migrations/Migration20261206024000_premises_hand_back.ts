import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0053 (F-58): the day by which premises are handed back under an act after the use ends, and
 * whether that day passed without the act (the durable timer `housing.premises-hand-back-due`).
 * Existing leases get no date (nothing of them is in use yet in any deployment).
 */
export class Migration20261206024000_premises_hand_back extends Migration {
  override name = 'Migration20261206024000_premises_hand_back';

  override up(): void | Promise<void> {
    this.addSql(`alter table "housing_premises_lease" add column "hand_back_by" date null, add column "hand_back_overdue" boolean not null default false;`);
    this.addSql(
      `create index "housing_premises_lease_hand_back_idx" on "housing_premises_lease" ("hand_back_by") where ("status" in ('allocated','handover-due'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "housing_premises_lease_hand_back_idx";`);
    this.addSql(`alter table "housing_premises_lease" drop column if exists "hand_back_by", drop column if exists "hand_back_overdue";`);
  }
}
