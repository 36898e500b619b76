import { Migration } from '@mikro-orm/migrations';

/** The local read model of participation's events (ADR 0062): F-77 eligibility of a provider applicant. */
export class Migration20261205173000_participation extends Migration {
  override name = 'Migration20261205173000_participation';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "training_participation" ("participation_id" uuid not null, "participant_id" uuid not null, "bin" varchar(12) not null, "term_start" date not null, "term_end" date not null, "ended_on" date null, "end_ground" varchar(60) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("participation_id"));`,
    );
    this.addSql(`create index "training_participation_bin_idx" on "training_participation" ("bin");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "training_participation" cascade;`);
  }
}
