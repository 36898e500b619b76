import { Migration } from '@mikro-orm/migrations';

export class Migration20261122022244_one_open_application extends Migration {
  override name = 'Migration20261122022244_one_open_application';

  override up(): void | Promise<void> {
    this.addSql(
      `create unique index "registration_application_one_open_unique" on "registration_application" ("bin", "kind") where "status" in ('draft', 'submitted', 'remarks-issued', 'resubmitted', 'with-commission');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "registration_application_one_open_unique";`);
  }
}
