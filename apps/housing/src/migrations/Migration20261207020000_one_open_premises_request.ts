import { Migration } from '@mikro-orm/migrations';

/**
 * F-57 (ADR 0053, amendment 2026-12-06): one open premises request per company. A partial unique
 * index, so that two simultaneous requests of one company cannot both be stored (the loser is 409
 * `premises-request-open`, mapped in MikroOrmPremisesLeaseRepository.flush).
 * Duplicates already stored (before this rule) are cancelled first, keeping each company's oldest.
 */
export class Migration20261207020000_one_open_premises_request extends Migration {
  override name = 'Migration20261207020000_one_open_premises_request';

  override up(): void | Promise<void> {
    this.addSql(
      `update "housing_premises_lease" l set "status" = 'cancelled', "updated_at" = now(), "version" = "version" + 1 where l."status" = 'requested' and exists (select 1 from "housing_premises_lease" o where o."bin" = l."bin" and o."status" = 'requested' and (o."requested_at", o."id") < (l."requested_at", l."id"));`,
    );
    this.addSql(`create unique index "housing_premises_lease_one_open_request" on "housing_premises_lease" ("bin") where "status" = 'requested';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "housing_premises_lease_one_open_request";`);
  }
}
