import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0036: membership-fee amounts become integer tiyn (`bigint`). The old `numeric(18,2)` KZT
 * values convert exactly: a numeric with two decimals times 100 is a whole number, cast to bigint
 * without rounding (the `= trunc(...)` guard refuses anything that is not, instead of rounding it).
 */
export class Migration20261201071500_money_in_tiyn extends Migration {
  override name = 'Migration20261201071500_money_in_tiyn';

  override up(): void | Promise<void> {
    this.addSql(`alter table "membership_fee" add "declared_income_tiyn" bigint null, add "fee_tiyn" bigint null, add "paid_tiyn" bigint not null default 0;`);
    this.addSql(`do $$ begin
      if exists (select 1 from "membership_fee" where "declared_income_kzt" * 100 <> trunc("declared_income_kzt" * 100) or "fee_kzt" * 100 <> trunc("fee_kzt" * 100) or "paid_kzt" * 100 <> trunc("paid_kzt" * 100)) then
        raise exception 'membership_fee holds an amount finer than a tiyn: convert it by hand (ADR 0036)';
      end if;
      if exists (select 1 from "membership_fee_payment" where "amount_kzt" * 100 <> trunc("amount_kzt" * 100)) then
        raise exception 'membership_fee_payment holds an amount finer than a tiyn: convert it by hand (ADR 0036)';
      end if;
    end $$;`);
    this.addSql(
      `update "membership_fee" set "declared_income_tiyn" = ("declared_income_kzt" * 100)::bigint, "fee_tiyn" = ("fee_kzt" * 100)::bigint, "paid_tiyn" = ("paid_kzt" * 100)::bigint;`,
    );
    this.addSql(`alter table "membership_fee" alter column "paid_tiyn" drop default;`);
    this.addSql(`alter table "membership_fee" drop column "declared_income_kzt", drop column "fee_kzt", drop column "paid_kzt";`);
    this.addSql(
      `alter table "membership_fee" add constraint "membership_fee_amounts_non_negative" check ("declared_income_tiyn" >= 0 and "fee_tiyn" >= 0 and "paid_tiyn" >= 0);`,
    );

    this.addSql(`alter table "membership_fee_payment" add "amount_tiyn" bigint null;`);
    this.addSql(`update "membership_fee_payment" set "amount_tiyn" = ("amount_kzt" * 100)::bigint;`);
    this.addSql(`alter table "membership_fee_payment" alter column "amount_tiyn" set not null, drop column "amount_kzt";`);
    this.addSql(`alter table "membership_fee_payment" add constraint "membership_fee_payment_amount_positive" check ("amount_tiyn" > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "membership_fee_payment" drop constraint "membership_fee_payment_amount_positive";`);
    this.addSql(`alter table "membership_fee_payment" add "amount_kzt" numeric(18,2) null;`);
    this.addSql(`update "membership_fee_payment" set "amount_kzt" = "amount_tiyn"::numeric / 100;`);
    this.addSql(`alter table "membership_fee_payment" alter column "amount_kzt" set not null, drop column "amount_tiyn";`);

    this.addSql(`alter table "membership_fee" drop constraint "membership_fee_amounts_non_negative";`);
    this.addSql(
      `alter table "membership_fee" add "declared_income_kzt" numeric(18,2) null, add "fee_kzt" numeric(18,2) null, add "paid_kzt" numeric(18,2) not null default 0;`,
    );
    this.addSql(
      `update "membership_fee" set "declared_income_kzt" = "declared_income_tiyn"::numeric / 100, "fee_kzt" = "fee_tiyn"::numeric / 100, "paid_kzt" = "paid_tiyn"::numeric / 100;`,
    );
    this.addSql(`alter table "membership_fee" alter column "paid_kzt" drop default;`);
    this.addSql(`alter table "membership_fee" drop column "declared_income_tiyn", drop column "fee_tiyn", drop column "paid_tiyn";`);
  }
}
