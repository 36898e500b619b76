import { Migration } from '@mikro-orm/migrations';
import { referenceData } from '@hub/reference-data';

/**
 * F-42 (ADR 0124, the pattern of ADR 0119): a person's personal data in housing is deleted when its
 * retention ends — 31 December of the year their enrolment (or, if later, their housing contract) ended
 * plus the years in reference data — by the durable timer `housing.f42-retention-ended` (key = enrolment
 * id). The enrolment's IIN index may then be null; a request marks the day; the access log says what was
 * done. Enrolments that ended before this migration get their timer here, with the period in force on the
 * day the migration runs (the only one there has been).
 */
export class Migration20261211500000_f42_retention extends Migration {
  override name = 'Migration20261211500000_f42_retention';

  override up(): void | Promise<void> {
    const years = referenceData().numberAt('f42.personal-data-retention-years', new Date().toISOString().slice(0, 10));
    this.addSql(`alter table "housing_enrolment" alter column "iin_index" drop not null;`);
    this.addSql(`alter table "housing_case" add column "personal_data_purged_on" date null;`);
    this.addSql(`alter table "housing_pii_access_log" add column "what" varchar(500) null;`);
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'housing.f42-retention-ended', e."enrolment_id"::text,
              make_timestamptz(extract(year from greatest(e."left_on", coalesce(max(a."released_on"), e."left_on")))::int + ${Number(years)} + 1, 1, 1, 0, 0, 0, 'Asia/Almaty'),
              '{}'::jsonb, 'scheduled', 0, now(), now()
         from "housing_enrolment" e
         left join "housing_allocation" a on a."enrolment_id" = e."enrolment_id"
        where e."left_on" is not null
        group by e."enrolment_id", e."left_on"
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'housing.f42-retention-ended';`);
    this.addSql(`alter table "housing_pii_access_log" drop column "what";`);
    this.addSql(`alter table "housing_case" drop column "personal_data_purged_on";`);
  }
}
