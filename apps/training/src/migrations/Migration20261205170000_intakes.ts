import { Migration } from '@mikro-orm/migrations';

/** Intakes (F-64, F-77) and provider applications (F-65 … F-68) replace the generated example requests. */
export class Migration20261205170000_intakes extends Migration {
  override name = 'Migration20261205170000_intakes';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "training_request" cascade;`);
    this.addSql(
      `create table "training_intake" ("id" uuid not null, "title" varchar(500) not null, "opens_on" date not null, "closes_on" date not null, "selection_criteria" jsonb not null, "intake_order" jsonb not null, "announced_by" varchar(200) not null, "announced_at" timestamptz not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"), constraint "training_intake_window_check" check ("closes_on" >= "opens_on"));`,
    );
    this.addSql(
      `create table "training_provider_application" ("id" uuid not null, "intake_id" uuid not null references "training_intake" ("id"), "bin" varchar(12) not null, "language" varchar(2) not null, "courses" jsonb not null, "attachments" jsonb not null, "declaration_of_accuracy" boolean not null, "status" varchar(20) not null, "filed_by" varchar(200) not null, "filed_at" timestamptz not null, "filed_on" date not null, "review_due_on" date not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "training_provider_application_bin_idx" on "training_provider_application" ("bin");`);
    this.addSql(`create index "training_provider_application_intake_idx" on "training_provider_application" ("intake_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "training_provider_application" cascade;`);
    this.addSql(`drop table if exists "training_intake" cascade;`);
  }
}
