import { Migration } from '@mikro-orm/migrations';

/**
 * Housing's domain (issue #14) replaces the generator's example: inventory (buildings, units), the
 * enrolments of people in acceleration, their housing cases, allocations with the no-double-booking
 * exclusion constraint (btree_gist over daterange), and the F-42 read log.
 */
export class Migration20261205120500_housing extends Migration {
  override name = 'Migration20261205120500_housing';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "housing_request" cascade;`);
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(
      `create table "housing_building" ("id" uuid not null, "name" varchar(300) not null, "address" varchar(500) not null, "town_kato_code" varchar(9) not null check ("town_kato_code" ~ '^[0-9]{9}$'), "town_name" varchar(200) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create table "housing_unit" ("id" uuid not null, "building_id" uuid not null references "housing_building" ("id"), "town_kato_code" varchar(9) not null, "code" varchar(50) not null, "kind" varchar(20) not null check ("kind" in ('dwelling','premises')), "premises_kind" varchar(20) null check ("premises_kind" in ('administrative','production','auxiliary')), "area_m2" numeric(9,2) null check ("area_m2" > 0), "rooms" jsonb not null, "inventory" jsonb not null, "meters" jsonb not null, "out_of_service" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create unique index "housing_unit_building_code_unique" on "housing_unit" ("building_id", "code");`);
    this.addSql(`create index "housing_unit_town_idx" on "housing_unit" ("town_kato_code", "kind");`);

    this.addSql(
      `create table "housing_enrolment" ("enrolment_id" uuid not null, "cohort_id" uuid not null, "iin_index" varchar(64) not null, "town_kato_code" varchar(9) not null, "town_name" varchar(200) not null, "cohort_starts_on" date not null, "cohort_ends_on" date not null, "enrolled_on" date not null, "status" varchar(20) not null check ("status" in ('enrolled','expelled','completed')), "left_on" date null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("enrolment_id"));`,
    );
    this.addSql(
      `create table "housing_case" ("id" uuid not null, "enrolment_id" uuid not null references "housing_enrolment" ("enrolment_id"), "person_subject" varchar(200) not null, "iin_cipher" text not null, "contacts_cipher" text not null, "town_kato_code" varchar(9) not null, "enrolled_on" date not null, "cohort_starts_on" date not null, "cohort_ends_on" date not null, "declaration" jsonb not null, "status" varchar(20) not null, "requested_at" timestamptz not null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create unique index "housing_case_live_enrolment_unique" on "housing_case" ("enrolment_id") where "status" in ('waiting','offered','housed');`,
    );
    this.addSql(
      `create index "housing_case_waiting_idx" on "housing_case" ("town_kato_code", "enrolled_on", "cohort_starts_on", "requested_at", "id") where "status" = 'waiting';`,
    );

    this.addSql(
      `create table "housing_allocation" ("id" uuid not null, "case_id" uuid not null references "housing_case" ("id"), "enrolment_id" uuid not null, "person_subject" varchar(200) not null, "unit_id" uuid not null references "housing_unit" ("id"), "building_id" uuid not null, "town_kato_code" varchar(9) not null, "bed" varchar(100) not null, "status" varchar(20) not null, "starts_on" date not null, "released_on" date null, "offered_at" timestamptz not null, "accept_by" date not null, "contract_number" varchar(40) null, "contract_duty" text null, "contract_ends_on" date null, "check_in_act" jsonb null, "vacate_reason" varchar(20) null, "vacate_by" date null, "vacate_overdue" boolean not null default false, "handover_act" jsonb null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"), check ("released_on" is null or "released_on" >= "starts_on"));`,
    );
    // No double booking, also under concurrent requests: two rows holding one bed over overlapping
    // periods cannot both commit (the second waits for the first and fails with 23P01).
    this.addSql(
      `alter table "housing_allocation" add constraint "housing_allocation_no_double_booking" exclude using gist ("unit_id" with =, "bed" with =, daterange("starts_on", "released_on", '[)') with &&) where ("status" in ('offered','contracted','occupied','vacating'));`,
    );
    this.addSql(`create index "housing_allocation_case_idx" on "housing_allocation" ("case_id");`);
    this.addSql(`create index "housing_allocation_enrolment_idx" on "housing_allocation" ("enrolment_id");`);

    this.addSql(`alter table "housing_participant" add column "ended_on" date null;`);
    this.addSql(
      `create table "housing_premises_lease" ("id" uuid not null, "participant_id" uuid not null, "bin" varchar(12) not null, "premises_kind" varchar(20) not null check ("premises_kind" in ('administrative','production','auxiliary')), "unit_id" uuid null references "housing_unit" ("id"), "status" varchar(20) not null, "starts_on" date not null, "ends_on" date not null, "release_reason" varchar(30) null, "handover_act" jsonb null, "requested_at" timestamptz not null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"), check ("ends_on" >= "starts_on"));`,
    );
    // F-57/F-58, ADR 0059: premises are never let twice for an overlapping day, also under concurrent requests.
    this.addSql(
      `alter table "housing_premises_lease" add constraint "housing_premises_no_double_booking" exclude using gist ("unit_id" with =, daterange("starts_on", "ends_on", '[]') with &&) where ("status" in ('allocated','handover-due'));`,
    );
    this.addSql(`create index "housing_premises_lease_participant_idx" on "housing_premises_lease" ("participant_id");`);

    this.addSql(
      `create table "housing_pii_access_log" ("id" uuid not null, "actor_subject" varchar(200) not null, "actor_roles" jsonb not null, "case_id" uuid not null, "correlation_id" varchar(200) null, "accessed_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "housing_premises_lease" cascade;`);
    this.addSql(`alter table "housing_participant" drop column if exists "ended_on";`);
    this.addSql(`drop table if exists "housing_pii_access_log" cascade;`);
    this.addSql(`drop table if exists "housing_allocation" cascade;`);
    this.addSql(`drop table if exists "housing_case" cascade;`);
    this.addSql(`drop table if exists "housing_enrolment" cascade;`);
    this.addSql(`drop table if exists "housing_unit" cascade;`);
    this.addSql(`drop table if exists "housing_building" cascade;`);
  }
}
