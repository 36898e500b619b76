import { Migration } from '@mikro-orm/migrations';

export class Migration20261122015626_initial extends Migration {
  override name = 'Migration20261122015626_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "analytics_report" ("id" uuid not null, "year" int not null, "quarter" smallint not null, "due_date" date not null, "generated_at" timestamptz not null, "participants" int not null, "csv" text not null, "document" text not null, primary key ("id"));`,
    );
    this.addSql(`alter table "analytics_report" add constraint "analytics_report_quarter_unique" unique ("year", "quarter");`);

    this.addSql(
      `create table "audit_obligation" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "financial_year" int not null, "declared_income_kzt" numeric(18,2) not null, "threshold_kzt" numeric(18,2) not null, "due_date" date not null, "status" varchar(20) not null, "submitted_on" date null, "opinion" jsonb null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "audit_obligation" add constraint "audit_obligation_year_unique" unique ("participation_id", "financial_year");`);

    this.addSql(
      `create table "corporate_notice" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "kind" varchar(20) not null, "event_date" date not null, "filed_on" date not null, "due_date" date not null, "on_time" boolean not null, "description" text not null, "copies" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "corporate_notice_participation_idx" on "corporate_notice" ("participation_id");`);

    this.addSql(
      `create table "early_termination" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "ground" varchar(40) not null, "reason" text not null, "basis_id" uuid null, "status" varchar(30) not null, "opened_on" date not null, "opened_by" varchar(200) not null, "effective_date" date null, "protocol_number" varchar(100) null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "early_termination_participation_idx" on "early_termination" ("participation_id");`);

    this.addSql(
      `create table "participation_extension" ("id" uuid not null, "participation_id" uuid not null, "filed_on" date not null, "current_term_end" date not null, "requested_term_end" date not null, "status" varchar(20) not null, "decided_on" date null, "reason" text null, "certificate_number" varchar(100) null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "participation_extension_participation_idx" on "participation_extension" ("participation_id");`);
    this.addSql(`alter table "participation_extension" add constraint "participation_extension_certificate_unique" unique ("certificate_number");`);

    this.addSql(
      `create table "membership_fee" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "year" int not null, "quarter" smallint not null, "due_date" date not null, "status" varchar(30) not null, "declared_income_kzt" numeric(18,2) null, "fee_kzt" numeric(18,2) null, "tariff_id" varchar(100) null, "paid_kzt" numeric(18,2) not null, "declared_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "membership_fee_bin_idx" on "membership_fee" ("bin");`);
    this.addSql(`alter table "membership_fee" add constraint "membership_fee_quarter_unique" unique ("participation_id", "year", "quarter");`);

    this.addSql(
      `create table "membership_fee_payment" ("id" uuid not null, "fee_id" uuid not null, "bin" varchar(12) not null, "amount_kzt" numeric(18,2) not null, "paid_on" date not null, "reference" varchar(100) not null, "source" varchar(20) not null, "import_id" uuid null, "recorded_by" varchar(200) not null, "recorded_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "membership_fee_payment_fee_idx" on "membership_fee_payment" ("fee_id");`);
    this.addSql(`alter table "membership_fee_payment" add constraint "membership_fee_payment_reference_unique" unique ("reference");`);

    this.addSql(
      `create table "hub_inbox" ("consumer" varchar(200) not null, "event_id" uuid not null, "event_type" varchar(200) not null, "topic" varchar(200) not null, "partition" int not null, "offset" varchar(40) not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "hub_outbox" ("position" bigserial primary key, "event_id" uuid not null, "topic" varchar(200) not null, "message_key" varchar(200) not null, "event_type" varchar(200) not null, "event_version" int not null, "envelope" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`,
    );
    this.addSql(`alter table "hub_outbox" add constraint "hub_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "hub_outbox_unpublished_idx" on "hub_outbox" ("position") where "published_at" is null;`);

    this.addSql(
      `create table "hub_timer" ("id" uuid not null, "kind" varchar(200) not null, "timer_key" varchar(200) not null, "due_at" timestamptz not null, "payload" jsonb not null, "status" varchar(20) not null, "attempts" int not null default 0, "last_error" text null, "correlation_id" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "fired_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "hub_timer_due_idx" on "hub_timer" ("due_at") where "status" = 'scheduled';`);
    this.addSql(`create unique index "hub_timer_live_key_unique" on "hub_timer" ("kind", "timer_key") where "status" = 'scheduled';`);

    this.addSql(
      `create table "information_request" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "kind" varchar(40) not null, "description" text not null, "requested_on" date not null, "requested_by" varchar(200) not null, "due_date" date not null, "status" varchar(20) not null, "answered_on" date null, "answer_note" text null, "attachments" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "information_request_participation_idx" on "information_request" ("participation_id");`);

    this.addSql(
      `create table "monitoring_conclusion" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "project" varchar(500) not null, "period_from" date not null, "period_to" date not null, "conclusion" varchar(20) not null, "reasoning" text not null, "concluded_on" date not null, "concluded_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "monitoring_conclusion_participation_idx" on "monitoring_conclusion" ("participation_id");`);
    this.addSql(
      `alter table "monitoring_conclusion" add constraint "monitoring_conclusion_project_period_unique" unique ("participation_id", "project", "period_from", "period_to");`,
    );

    this.addSql(
      `create table "non_resident_record" ("id" uuid not null, "report_id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "kind" varchar(20) not null, "position" int not null, "personal_data" text not null, "key_id" varchar(50) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "non_resident_record_report_idx" on "non_resident_record" ("report_id");`);
    this.addSql(`create index "non_resident_record_key_idx" on "non_resident_record" ("key_id");`);

    this.addSql(
      `create table "participation" ("id" uuid not null, "participant_id" uuid not null, "bin" varchar(12) not null, "company_name" varchar(500) not null, "address" varchar(1000) not null, "activity_types" jsonb not null, "certificate_number" varchar(100) not null, "term_start" date not null, "term_end" date not null, "status" varchar(20) not null, "ended_on" date null, "termination_ground" varchar(40) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`alter table "participation" add constraint "participation_participant_id_unique" unique ("participant_id");`);
    this.addSql(`create index "participation_bin_idx" on "participation" ("bin");`);

    this.addSql(
      `create table "pii_access_log" ("id" uuid not null, "actor_subject" varchar(200) not null, "actor_roles" jsonb not null, "bin" varchar(12) not null, "participation_id" uuid not null, "report_id" uuid not null, "what" varchar(500) not null, "correlation_id" varchar(200) null, "accessed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "pii_access_log_bin_idx" on "pii_access_log" ("bin");`);

    this.addSql(
      `create table "quarterly_report" ("id" uuid not null, "participation_id" uuid not null, "bin" varchar(12) not null, "year" int not null, "quarter" smallint not null, "due_date" date not null, "status" varchar(20) not null, "submitted_at" timestamptz null, "results_analysis" text null, "indicators" jsonb null, "non_resident_count" int not null, "family_member_count" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "quarterly_report_bin_idx" on "quarterly_report" ("bin");`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_quarter_unique" unique ("participation_id", "year", "quarter");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "analytics_report" cascade;`);
    this.addSql(`drop table if exists "audit_obligation" cascade;`);
    this.addSql(`drop table if exists "corporate_notice" cascade;`);
    this.addSql(`drop table if exists "early_termination" cascade;`);
    this.addSql(`drop table if exists "participation_extension" cascade;`);
    this.addSql(`drop table if exists "membership_fee" cascade;`);
    this.addSql(`drop table if exists "membership_fee_payment" cascade;`);
    this.addSql(`drop table if exists "hub_inbox" cascade;`);
    this.addSql(`drop table if exists "hub_outbox" cascade;`);
    this.addSql(`drop table if exists "hub_timer" cascade;`);
    this.addSql(`drop table if exists "information_request" cascade;`);
    this.addSql(`drop table if exists "monitoring_conclusion" cascade;`);
    this.addSql(`drop table if exists "non_resident_record" cascade;`);
    this.addSql(`drop table if exists "participation" cascade;`);
    this.addSql(`drop table if exists "pii_access_log" cascade;`);
    this.addSql(`drop table if exists "quarterly_report" cascade;`);
  }
}
