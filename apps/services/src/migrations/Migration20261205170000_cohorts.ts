import { Migration } from '@mikro-orm/migrations';

/**
 * Acceleration cohorts and enrolments (F-44, F-55; ADR 0064). The capacity is held by the database
 * too: `enrolled_count` between 0 and `capacity` (a CHECK), one enrolment per application and cohort,
 * and one live (enrolled) place per person and cohort.
 */
export class Migration20261205170000_cohorts extends Migration {
  override name = 'Migration20261205170000_cohorts';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "services_cohort" ("id" uuid not null, "service_id" uuid not null, "title" varchar(300) not null, "town" jsonb not null, "starts_on" date not null, "ends_on" date not null, "capacity" int not null, "enrolled_count" int not null, "version" int not null default 1, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "services_cohort" add constraint "services_cohort_places_check" check ("enrolled_count" >= 0 and "enrolled_count" <= "capacity");`,
    );
    this.addSql(`alter table "services_cohort" add constraint "services_cohort_dates_check" check ("ends_on" >= "starts_on");`);
    this.addSql(`create index "services_cohort_service_idx" on "services_cohort" ("service_id");`);
    this.addSql(
      `create table "services_cohort_enrolment" ("id" uuid not null, "cohort_id" uuid not null references "services_cohort" ("id"), "service_id" uuid not null, "application_id" uuid not null, "contract_id" uuid not null, "recipient_kind" varchar(20) not null, "recipient_id" varchar(12) not null, "person_iin" varchar(12) not null, "status" varchar(20) not null, "enrolled_on" date not null, "left_on" date null, "expulsion_ground" varchar(40) null, "expulsion_reasons" text null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "services_cohort_enrolment" add constraint "services_cohort_enrolment_status_check" check ("status" in ('enrolled', 'expelled', 'completed'));`,
    );
    this.addSql(`create unique index "services_cohort_enrolment_application_unique" on "services_cohort_enrolment" ("cohort_id", "application_id");`);
    this.addSql(
      `create unique index "services_cohort_enrolment_live_person_unique" on "services_cohort_enrolment" ("cohort_id", "person_iin") where "status" = 'enrolled';`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "services_cohort_enrolment";`);
    this.addSql(`drop table if exists "services_cohort";`);
  }
}
