import { Migration } from '@mikro-orm/migrations';

/**
 * The Independent Commission (F-69, F-72: members with their conflict declarations, one vote per
 * member and application, one decision per intake with the F-73 calculation and the protocol), the
 * decision's follow-ups on the application (F-74 notice, F-75 contract) and the trainees (F-76: one
 * person once per intake across providers — a unique blind index; the IIN and name encrypted; reads logged).
 */
export class Migration20261205203000_commission_quotas_trainees extends Migration {
  override name = 'Migration20261205203000_commission_quotas_trainees';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "training_provider_application" add column "presentation_at" timestamptz null, add column "decided_on" date null, add column "quotas" int null check ("quotas" >= 0), add column "notice_due_on" date null, add column "notice_sent_on" date null, add column "contract_due_on" date null, add column "contract" jsonb null, add column "missed_deadlines" jsonb not null default '[]', add column "trainee_count" int not null default 0, add constraint "training_provider_application_trainees_check" check ("trainee_count" >= 0 and ("quotas" is null or "trainee_count" <= "quotas"));`,
    );
    this.addSql(
      `create table "training_commission_member" ("id" uuid not null, "intake_id" uuid not null references "training_intake" ("id"), "subject" varchar(200) not null, "full_name" varchar(300) not null, "affiliation" varchar(30) not null check ("affiliation" in ('fund','state-body','ict-specialist','education-specialist','international-expert')), "declaration" jsonb null, "appointed_by" varchar(200) not null, "appointed_at" timestamptz not null, "version" int not null default 1, primary key ("id"), constraint "training_commission_member_subject_unique" unique ("intake_id", "subject"));`,
    );
    this.addSql(
      `create table "training_commission_vote" ("id" uuid not null, "intake_id" uuid not null references "training_intake" ("id"), "application_id" uuid not null references "training_provider_application" ("id"), "member_id" uuid not null references "training_commission_member" ("id"), "choice" varchar(10) not null check ("choice" in ('admit','refuse')), "score" int not null check ("score" between 0 and 100), "reason" text not null, "cast_at" timestamptz not null, primary key ("id"), constraint "training_commission_vote_once" unique ("application_id", "member_id"));`,
    );
    this.addSql(`create index "training_commission_vote_intake_idx" on "training_commission_vote" ("intake_id");`);
    this.addSql(
      `create table "training_commission_decision" ("id" uuid not null, "intake_id" uuid not null references "training_intake" ("id"), "decided_on" date not null, "decided_by" varchar(200) not null, "decided_at" timestamptz not null, "calculation" jsonb not null, "protocol" jsonb not null, primary key ("id"), constraint "training_commission_decision_once" unique ("intake_id"));`,
    );
    this.addSql(
      `create table "training_trainee" ("id" uuid not null, "intake_id" uuid not null references "training_intake" ("id"), "application_id" uuid not null references "training_provider_application" ("id"), "iin_index" varchar(64) not null, "iin_cipher" text not null, "name_cipher" text not null, "listed_at" timestamptz not null, primary key ("id"), constraint "training_trainee_once_per_intake" unique ("intake_id", "iin_index"));`,
    );
    this.addSql(`create index "training_trainee_application_idx" on "training_trainee" ("application_id");`);
    this.addSql(
      `create table "training_pii_access_log" ("id" uuid not null, "actor_subject" varchar(200) not null, "actor_roles" jsonb not null, "application_id" uuid not null, "what" varchar(500) not null, "correlation_id" varchar(200) null, "accessed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "training_pii_access_log_application_idx" on "training_pii_access_log" ("application_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "training_pii_access_log" cascade;`);
    this.addSql(`drop table if exists "training_trainee" cascade;`);
    this.addSql(`drop table if exists "training_commission_decision" cascade;`);
    this.addSql(`drop table if exists "training_commission_vote" cascade;`);
    this.addSql(`drop table if exists "training_commission_member" cascade;`);
    this.addSql(
      `alter table "training_provider_application" drop constraint "training_provider_application_trainees_check", drop column "presentation_at", drop column "decided_on", drop column "quotas", drop column "notice_due_on", drop column "notice_sent_on", drop column "contract_due_on", drop column "contract", drop column "missed_deadlines", drop column "trainee_count";`,
    );
  }
}
