import { Migration } from '@mikro-orm/migrations';

/**
 * Every KZT amount an application holds, as (application id, path, jsonb value): the F-9(2) tax
 * debt, the Annex 1 (8) cost estimate and the Annex 1 (9) yearly revenues of every project.
 */
const AMOUNTS = (suffix: 'Kzt' | 'Tiyn'): string => `
  select a."id", 'taxCertificate.debt${suffix}' as path, a."tax_certificate"->'debt${suffix}' as v from "registration_application" a
    where jsonb_typeof(a."tax_certificate"->'debt${suffix}') = 'number'
  union all
  select a."id", 'businessPlan.costEstimate.total${suffix}', a."business_plan"->'costEstimate'->'total${suffix}' from "registration_application" a
    where jsonb_typeof(a."business_plan"->'costEstimate'->'total${suffix}') = 'number'
  union all
  select a."id", 'businessPlan.projects[].offering.yearlySales[].revenue${suffix}', y->'revenue${suffix}' from "registration_application" a,
    jsonb_array_elements(case when jsonb_typeof(a."business_plan"->'projects') = 'array' then a."business_plan"->'projects' else '[]'::jsonb end) p,
    jsonb_array_elements(case when jsonb_typeof(p->'offering'->'yearlySales') = 'array' then p->'offering'->'yearlySales' else '[]'::jsonb end) y
    where jsonb_typeof(y->'revenue${suffix}') = 'number'`;

/** SQL: a jsonb KZT number → jsonb integer tiyn (exact: jsonb numbers are numerics; checked beforehand). */
const toTiyn = (v: string): string => `to_jsonb((${v}::numeric * 100)::bigint)`;
/** SQL: jsonb integer tiyn → jsonb KZT number with 2 decimals (exact). */
const toKzt = (v: string): string => `to_jsonb(round(${v}::numeric / 100, 2))`;

/** SQL: `obj` with the number at `from` moved to `to`, converted by `conv`. */
const rename = (obj: string, from: string, to: string, conv: (v: string) => string): string =>
  `case when jsonb_typeof(${obj}->'${from}') = 'number' then (${obj} - '${from}') || jsonb_build_object('${to}', ${conv(`(${obj}->'${from}')`)}) else ${obj} end`;

/** The whole `business_plan` with its cost estimate and every yearly revenue converted. */
const businessPlan = (s: 'Kzt' | 'Tiyn', t: 'Kzt' | 'Tiyn', conv: (v: string) => string): string => `
  update "registration_application" a set "business_plan" = a."business_plan"
    || case when jsonb_typeof(a."business_plan"->'costEstimate') = 'object'
         then jsonb_build_object('costEstimate', ${rename(`(a."business_plan"->'costEstimate')`, `total${s}`, `total${t}`, conv)}) else '{}'::jsonb end
    || case when jsonb_typeof(a."business_plan"->'projects') = 'array' then jsonb_build_object('projects', (
         select coalesce(jsonb_agg(
           case when jsonb_typeof(p->'offering'->'yearlySales') = 'array' then jsonb_set(p, '{offering,yearlySales}', (
             select coalesce(jsonb_agg(${rename('y', `revenue${s}`, `revenue${t}`, conv)} order by yi), '[]'::jsonb)
             from jsonb_array_elements(p->'offering'->'yearlySales') with ordinality ys(y, yi)))
           else p end order by pi), '[]'::jsonb)
         from jsonb_array_elements(a."business_plan"->'projects') with ordinality ps(p, pi))) else '{}'::jsonb end
  where jsonb_typeof(a."business_plan") = 'object';`;

/** The field paths that named a KZT amount (remarks, eligibility outcomes) → the same path in tiyn. */
const MONEY_PATH = (s: 'Kzt' | 'Tiyn'): string =>
  `'^(taxCertificate\\.debt|businessPlan\\.costEstimate\\.total|businessPlan\\.projects\\.\\d+\\.offering\\.yearlySales\\.\\d+\\.revenue)${s}$'`;
const renamePaths = (column: string, array: string | null, s: 'Kzt' | 'Tiyn', t: 'Kzt' | 'Tiyn'): string => {
  const arr = array === null ? `"${column}"` : `"${column}"->'${array}'`;
  const rebuilt = `(select coalesce(jsonb_agg(case when jsonb_typeof(e->'field') = 'string'
      then jsonb_set(e, '{field}', to_jsonb(regexp_replace(e->>'field', ${MONEY_PATH(s)}, '\\1${t}'))) else e end order by i), '[]'::jsonb)
    from jsonb_array_elements(${arr}) with ordinality x(e, i))`;
  const value = array === null ? rebuilt : `jsonb_set("${column}", '{${array}}', ${rebuilt})`;
  return `update "registration_application" set "${column}" = ${value} where jsonb_typeof(${arr}) = 'array';`;
};

/**
 * ADR 0036: registration's amounts become integer tiyn (1 KZT = 100 tiyn), like participation's.
 * In the jsonb columns of `registration_application`, `taxCertificate.debtKzt` (F-9(2)),
 * `businessPlan.costEstimate.totalKzt` (Annex 1 (8)) and every
 * `businessPlan.projects[].offering.yearlySales[].revenueKzt` (Annex 1 (9)) — KZT JSON numbers —
 * are replaced by `debtTiyn`, `totalTiyn`, `revenueTiyn`. jsonb numbers are PostgreSQL numerics, so
 * × 100 is exact; a value finer than a tiyn, negative or beyond 999 999 999 999 999 tiyn aborts the
 * migration instead of rounding. Remarks and recorded eligibility outcomes that name one of these
 * fields (`field`) are pointed at the new name; their messages are history and stay as written. The
 * deprecated pre-column snapshot `data` (ADR 0035, read-only, dropped next release) is left as it was.
 */
export class Migration20261201090000_money_in_tiyn extends Migration {
  override name = 'Migration20261201090000_money_in_tiyn';

  override up(): void | Promise<void> {
    this.addSql(`do $$
      declare bad record;
      begin
        select m."id", m.path, m.v into bad from (${AMOUNTS('Kzt')}) m
          where m.v::text::numeric * 100 <> trunc(m.v::text::numeric * 100) or m.v::text::numeric < 0 or m.v::text::numeric * 100 > 999999999999999
          limit 1;
        if found then
          raise exception 'registration_application % holds % = % KZT, not a whole number of tiyn in range: convert it by hand (ADR 0036)', bad."id", bad.path, bad.v;
        end if;
      end $$;`);
    this.addSql(
      `update "registration_application" set "tax_certificate" = ${rename('"tax_certificate"', 'debtKzt', 'debtTiyn', toTiyn)} where jsonb_typeof("tax_certificate") = 'object';`,
    );
    this.addSql(businessPlan('Kzt', 'Tiyn', toTiyn));
    this.addSql(renamePaths('remarks', null, 'Kzt', 'Tiyn'));
    this.addSql(renamePaths('eligibility_evaluation', 'outcomes', 'Kzt', 'Tiyn'));
  }

  override down(): void | Promise<void> {
    this.addSql(
      `update "registration_application" set "tax_certificate" = ${rename('"tax_certificate"', 'debtTiyn', 'debtKzt', toKzt)} where jsonb_typeof("tax_certificate") = 'object';`,
    );
    this.addSql(businessPlan('Tiyn', 'Kzt', toKzt));
    this.addSql(renamePaths('remarks', null, 'Tiyn', 'Kzt'));
    this.addSql(renamePaths('eligibility_evaluation', 'outcomes', 'Tiyn', 'Kzt'));
  }
}

/** For the migration test: the amounts still written in KZT (none after `up`). */
export const KZT_AMOUNTS_SQL = AMOUNTS('Kzt');
