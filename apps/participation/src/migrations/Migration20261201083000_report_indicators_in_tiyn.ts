import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0036, F-39: the amounts of a submitted quarterly report's `indicators` (jsonb) become integer
 * tiyn — `revenueKzt`, `exportRevenueKzt`, `investmentsAttractedKzt` (KZT JSON numbers) are replaced
 * by `revenueTiyn`, `exportRevenueTiyn`, `investmentsAttractedTiyn`. jsonb numbers are PostgreSQL
 * numerics, so × 100 is exact; a value finer than a tiyn aborts instead of rounding.
 */
export class Migration20261201083000_report_indicators_in_tiyn extends Migration {
  override name = 'Migration20261201083000_report_indicators_in_tiyn';

  override up(): void | Promise<void> {
    this.addSql(`do $$ begin
      if exists (select 1 from "quarterly_report", lateral (values ('revenueKzt'), ('exportRevenueKzt'), ('investmentsAttractedKzt')) k(key)
                  where jsonb_exists("indicators", k.key) and ("indicators"->>k.key)::numeric * 100 <> trunc(("indicators"->>k.key)::numeric * 100)) then
        raise exception 'quarterly_report.indicators holds an amount finer than a tiyn: convert it by hand (ADR 0036)';
      end if;
    end $$;`);
    this
      .addSql(`update "quarterly_report" set "indicators" = ("indicators" - 'revenueKzt' - 'exportRevenueKzt' - 'investmentsAttractedKzt') || jsonb_build_object(
        'revenueTiyn', (("indicators"->>'revenueKzt')::numeric * 100)::bigint,
        'exportRevenueTiyn', (("indicators"->>'exportRevenueKzt')::numeric * 100)::bigint,
        'investmentsAttractedTiyn', coalesce((("indicators"->>'investmentsAttractedKzt')::numeric * 100)::bigint, 0))
      where jsonb_exists("indicators", 'revenueKzt');`);
  }

  override down(): void | Promise<void> {
    this
      .addSql(`update "quarterly_report" set "indicators" = ("indicators" - 'revenueTiyn' - 'exportRevenueTiyn' - 'investmentsAttractedTiyn') || jsonb_build_object(
        'revenueKzt', round(("indicators"->>'revenueTiyn')::numeric / 100, 2),
        'exportRevenueKzt', round(("indicators"->>'exportRevenueTiyn')::numeric / 100, 2),
        'investmentsAttractedKzt', round(("indicators"->>'investmentsAttractedTiyn')::numeric / 100, 2))
      where jsonb_exists("indicators", 'revenueTiyn');`);
  }
}
