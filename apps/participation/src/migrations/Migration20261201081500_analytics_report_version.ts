import { Migration } from '@mikro-orm/migrations';

/** ADR 0035 §1: the F-41 analytics report is an aggregate with an optimistic-lock version (existing rows start at 1). */
export class Migration20261201081500_analytics_report_version extends Migration {
  override name = 'Migration20261201081500_analytics_report_version';

  override up(): void | Promise<void> {
    this.addSql(`alter table "analytics_report" add "version" int not null default 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "analytics_report" drop column "version";`);
  }
}
