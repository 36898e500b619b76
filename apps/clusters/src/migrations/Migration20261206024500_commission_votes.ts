import { Migration } from '@mikro-orm/migrations';

/**
 * C-19, C-20 (ADR 0083): the round's Commission composition and the members' votes — one per member
 * and application, by a unique key (a second vote is refused, 409).
 */
export class Migration20261206024500_commission_votes extends Migration {
  override name = 'Migration20261206024500_commission_votes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "clusters_round" add column "commission" jsonb null;`);
    this.addSql(
      `create table "clusters_commission_vote" ("id" uuid not null, "round_id" uuid not null, "application_id" uuid not null, "member_subject" varchar(200) not null, "member_name" varchar(500) not null, "choice" varchar(10) not null, "comment" text not null, "cast_at" timestamptz not null, primary key ("id"), constraint "clusters_commission_vote_choice_check" check ("choice" in ('for', 'against', 'abstain')));`,
    );
    this.addSql(`create index "clusters_commission_vote_round_idx" on "clusters_commission_vote" ("round_id");`);
    this.addSql(`alter table "clusters_commission_vote" add constraint "clusters_commission_vote_one_per_member" unique ("application_id", "member_subject");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "clusters_commission_vote";`);
    this.addSql(`alter table "clusters_round" drop column if exists "commission";`);
  }
}
