import { Migration } from '@mikro-orm/migrations';

/** F-68 completeness reviews (every ground's outcome with source and date), F-70/F-71 remarks, notices (F-71 lapse, F-74). */
export class Migration20261205200000_review_remarks extends Migration {
  override name = 'Migration20261205200000_review_remarks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "training_provider_application" add column "remarks" jsonb null, add column "refusal_reasons" jsonb not null default '[]';`);
    this.addSql(
      `create table "training_completeness_review" ("id" uuid not null, "application_id" uuid not null references "training_provider_application" ("id"), "result" varchar(20) not null, "outcomes" jsonb not null, "reviewed_by" varchar(200) not null, "reviewed_on" date not null, "reviewed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "training_completeness_review_application_idx" on "training_completeness_review" ("application_id");`);
    this.addSql(
      `create table "training_notice" ("id" uuid not null, "application_id" uuid not null references "training_provider_application" ("id"), "bin" varchar(12) not null, "kind" varchar(20) not null, "rule_id" varchar(20) not null, "text" text not null, "sent_on" date not null, "sent_at" timestamptz not null, "sent_by" varchar(200) not null, primary key ("id"));`,
    );
    this.addSql(`create index "training_notice_application_idx" on "training_notice" ("application_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "training_notice" cascade;`);
    this.addSql(`drop table if exists "training_completeness_review" cascade;`);
    this.addSql(`alter table "training_provider_application" drop column "remarks", drop column "refusal_reasons";`);
  }
}
