import { Migration } from '@mikro-orm/migrations';

/** Issue #15: the generated example (requests) goes; rounds and applications of the selection of territorial clusters come. */
export class Migration20261205170000_selection extends Migration {
  override name = 'Migration20261205170000_selection';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "clusters_request" cascade;`);
    this.addSql(`delete from "hub_timer" where "kind" = 'clusters.request-review-due';`);
    this.addSql(
      `create table "clusters_round" ("id" uuid not null, "rule_set_id" varchar(100) not null, "title" varchar(500) not null, "description" text not null, "status" varchar(30) not null, "announced_at" timestamptz not null, "announced_on" date not null, "application_deadline" timestamptz not null, "deadline_on" date not null, "announced_by" varchar(200) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create table "clusters_application" ("id" uuid not null, "round_id" uuid not null references "clusters_round" ("id"), "bin" varchar(12) not null, "status" varchar(30) not null, "content" jsonb not null, "revision" int not null, "revisions" jsonb not null, "filed_at" timestamptz not null, "filed_on" date not null, "compliance_due_on" date not null, "compliance_overdue" boolean not null, "return_notice" jsonb null, "checked_at" timestamptz null, "withdrawn_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    // One live application per participant and round (C-9: a change is a revision, not a second application).
    this.addSql(`create unique index "clusters_application_round_bin_live" on "clusters_application" ("round_id", "bin") where "status" <> 'withdrawn';`);
    this.addSql(`create index "clusters_application_open_check_idx" on "clusters_application" ("compliance_due_on") where "status" = 'filed';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "clusters_application" cascade;`);
    this.addSql(`drop table if exists "clusters_round" cascade;`);
    this.addSql(
      `create table "clusters_request" ("id" uuid not null, "bin" varchar(12) not null, "subject" varchar(500) not null, "status" varchar(20) not null, "opened_at" timestamptz not null, "review_due_on" date not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
  }
}
