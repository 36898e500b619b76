import { Migration } from '@mikro-orm/migrations';
import { referenceData } from '@hub/reference-data';

/**
 * F-42 (ADR 0119): the non-residents' personal data of a quarterly report is deleted when its
 * retention ends (31 December of the report's year plus the years in reference data), by the durable
 * timer `participation.f42-retention-ended`. Reports submitted before this migration get their timer
 * here, with the period in force on the day the migration runs (the only one there has been).
 */
export class Migration20261210000000_f42_retention extends Migration {
  override name = 'Migration20261210000000_f42_retention';

  override up(): void | Promise<void> {
    const years = referenceData().numberAt('f42.personal-data-retention-years', new Date().toISOString().slice(0, 10));
    this.addSql(`alter table "quarterly_report" add column "personal_data_purged_on" date null;`);
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'participation.f42-retention-ended', r."id"::text,
              make_timestamptz(r."year" + ${Number(years)} + 1, 1, 1, 0, 0, 0, 'Asia/Almaty'), '{}'::jsonb, 'scheduled', 0, now(), now()
         from "quarterly_report" r
        where exists (select 1 from "non_resident_record" n where n."report_id" = r."id")
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'participation.f42-retention-ended';`);
    this.addSql(`alter table "quarterly_report" drop column "personal_data_purged_on";`);
  }
}
