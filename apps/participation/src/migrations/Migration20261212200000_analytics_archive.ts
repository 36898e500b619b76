import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10, ADR 0132 (F-41, F-35): each generated edition of the quarterly analytics for the authorised
 * body is issued as a document — a PDF rendered once and stored in the documents archive with its SHA-256
 * (kind `quarterly-analytics`, the Fund's own). The archive's answer is recorded here, one row per edition
 * (report, generation instant); the report row never changes for it. The editions generated before this
 * migration owe their copy: a durable archiving timer is scheduled for each report's current edition.
 */
export class Migration20261212200000_analytics_archive extends Migration {
  override name = 'Migration20261212200000_analytics_archive';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "participation_analytics_archive" (
         "report_id" uuid not null references "analytics_report" ("id"),
         "generated_at" timestamptz not null,
         "year" int not null,
         "quarter" int not null,
         "document_id" uuid not null unique,
         "sha256" char(64) not null,
         "archived_at" timestamptz not null,
         primary key ("report_id", "generated_at"));`,
    );
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'participation.analytics-archive', r."id" || '@' || to_char(r."generated_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), now(),
              jsonb_build_object('reportId', r."id", 'generatedAt', to_char(r."generated_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              'scheduled', 0, now(), now()
         from "analytics_report" r
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'participation.analytics-archive';`);
    this.addSql(`drop table "participation_analytics_archive";`);
  }
}
