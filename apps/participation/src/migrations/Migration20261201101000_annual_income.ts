import { Migration } from '@mikro-orm/migrations';

/** F-33 (ADR 0052): the company's declared income of a whole financial year, on which the annual audit duty rests. */
export class Migration20261201101000_annual_income extends Migration {
  override name = 'Migration20261201101000_annual_income';

  override up(): void | Promise<void> {
    this.addSql(`create table "annual_income" (
      "id" uuid not null primary key,
      "participation_id" uuid not null references "participation" ("id"),
      "bin" varchar(12) not null,
      "financial_year" int not null,
      "income_tiyn" bigint not null check ("income_tiyn" >= 0),
      "declared_on" date not null,
      "created_at" timestamptz not null,
      "version" int not null default 1,
      constraint "annual_income_year_unique" unique ("participation_id", "financial_year"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "annual_income";`);
  }
}
