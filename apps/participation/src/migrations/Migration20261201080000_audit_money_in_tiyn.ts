import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0036, F-33: the audit obligation's declared income and threshold become integer tiyn
 * (`bigint`), like the fees. The old `numeric(18,2)` KZT values convert exactly (× 100 of a numeric
 * with two decimals is a whole number); anything finer than a tiyn aborts instead of rounding.
 */
export class Migration20261201080000_audit_money_in_tiyn extends Migration {
  override name = 'Migration20261201080000_audit_money_in_tiyn';

  override up(): void | Promise<void> {
    this.addSql(`do $$ begin
      if exists (select 1 from "audit_obligation" where "declared_income_kzt" * 100 <> trunc("declared_income_kzt" * 100) or "threshold_kzt" * 100 <> trunc("threshold_kzt" * 100)) then
        raise exception 'audit_obligation holds an amount finer than a tiyn: convert it by hand (ADR 0036)';
      end if;
    end $$;`);
    this.addSql(`alter table "audit_obligation" add "declared_income_tiyn" bigint null, add "threshold_tiyn" bigint null;`);
    this.addSql(
      `update "audit_obligation" set "declared_income_tiyn" = ("declared_income_kzt" * 100)::bigint, "threshold_tiyn" = ("threshold_kzt" * 100)::bigint;`,
    );
    this.addSql(
      `alter table "audit_obligation" alter column "declared_income_tiyn" set not null, alter column "threshold_tiyn" set not null, drop column "declared_income_kzt", drop column "threshold_kzt";`,
    );
    this.addSql(
      `alter table "audit_obligation" add constraint "audit_obligation_amounts_non_negative" check ("declared_income_tiyn" >= 0 and "threshold_tiyn" >= 0);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_obligation" drop constraint "audit_obligation_amounts_non_negative";`);
    this.addSql(`alter table "audit_obligation" add "declared_income_kzt" numeric(18,2) null, add "threshold_kzt" numeric(18,2) null;`);
    this.addSql(
      `update "audit_obligation" set "declared_income_kzt" = "declared_income_tiyn"::numeric / 100, "threshold_kzt" = "threshold_tiyn"::numeric / 100;`,
    );
    this.addSql(
      `alter table "audit_obligation" alter column "declared_income_kzt" set not null, alter column "threshold_kzt" set not null, drop column "declared_income_tiyn", drop column "threshold_tiyn";`,
    );
  }
}
