import { Migration } from '@mikro-orm/migrations';

/** Acceleration cohorts and enrolments (F-44), third-party purchases on commercial offers (F-56 ¶2) — ADR 0064. */
export class Migration20261205171500_cohorts extends Migration {
  override name = 'Migration20261205171500_cohorts';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "services_cohort" ("id" uuid not null, "service_id" uuid not null references "services_service" ("id"), "title" varchar(300) not null, "town" jsonb not null, "starts_on" date not null, "ends_on" date not null, "capacity" int not null check ("capacity" >= 1), "version" int not null default 1, "created_at" timestamptz not null, primary key ("id"), check ("ends_on" >= "starts_on"));`,
    );
    this.addSql(
      `create table "services_cohort_enrolment" ("id" uuid not null, "cohort_id" uuid not null references "services_cohort" ("id"), "service_id" uuid not null references "services_service" ("id"), "application_id" uuid not null references "services_application" ("id"), "contract_id" uuid not null, "recipient_kind" varchar(20) not null check ("recipient_kind" in ('legal-entity','individual')), "recipient_id" varchar(12) not null, "person_iin" varchar(12) not null, "status" varchar(20) not null check ("status" in ('enrolled','expelled','completed')), "enrolled_on" date not null, "ended_on" date null, "expulsion_ground" varchar(40) null, "expulsion_reasons" text null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"), check (("status" = 'enrolled') = ("ended_on" is null)), check (("status" = 'expelled') = ("expulsion_ground" is not null)));`,
    );
    // F-44: one place per person and cohort; a concurrent duplicate is 409.
    this.addSql(`create unique index "services_cohort_enrolment_person_unique" on "services_cohort_enrolment" ("cohort_id", "person_iin");`);
    this.addSql(
      `create table "services_purchase" ("id" uuid not null, "service_id" uuid not null references "services_service" ("id"), "subject" varchar(300) not null, "opened_on" date not null, "offers_required" int not null check ("offers_required" >= 1), "offers" jsonb not null, "status" varchar(20) not null check ("status" in ('collecting','chosen')), "chosen_offer_id" uuid null, "choice_reason" text null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"), check (("status" = 'chosen') = ("chosen_offer_id" is not null)));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "services_purchase" cascade;`);
    this.addSql(`drop table if exists "services_cohort_enrolment" cascade;`);
    this.addSql(`drop table if exists "services_cohort" cascade;`);
  }
}
