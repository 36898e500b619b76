import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #16, ADR 0138 §2–§3: the Commissions' agendas as notifications keeps them for the members'
 * "awaiting your vote" digest, and a person's `commission_digest` switch (ADR 0093: a reminder, on by default).
 *
 * - `notifications_commission_agenda`: one row per Commission whose agenda its owner publishes as a state
 *   (training's intake, clusters' round): the members and the `asOf` of the snapshot kept — an older one is ignored.
 * - `notifications_commission_agenda_item`: one row per application before a Commission — its context, the
 *   Commission (intake / round id; registration's one Commission is `registration`), the due working day,
 *   the members still awaited (training, clusters: as their owner computed it, F-69 conflicts left out) or,
 *   for registration, the members who voted (F-15: any holder of `commission-member` may vote; the awaited are
 *   the learnt holders minus these), and whether the Commission decided. Application ids only: no BIN, no
 *   company name (F-35).
 */
export class Migration20261212850000_commission_agenda extends Migration {
  override name = 'Migration20261212850000_commission_agenda';

  override up(): void | Promise<void> {
    this.addSql(`create table "notifications_commission_agenda" (
      "context" varchar(20) not null check ("context" in ('training', 'clusters')),
      "commission_id" varchar(60) not null,
      "members" jsonb not null default '[]',
      "closed" boolean not null default false,
      "as_of" timestamptz not null,
      "updated_at" timestamptz not null,
      primary key ("context", "commission_id")
    );`);
    this.addSql(`create table "notifications_commission_agenda_item" (
      "context" varchar(20) not null check ("context" in ('registration', 'training', 'clusters')),
      "application_id" uuid not null,
      "commission_id" varchar(60) not null,
      "due_on" date null,
      "awaiting" jsonb not null default '[]',
      "voted" jsonb not null default '[]',
      "closed" boolean not null default false,
      "updated_at" timestamptz not null,
      primary key ("context", "application_id")
    );`);
    this.addSql(
      `create index "notifications_commission_agenda_item_open_idx" on "notifications_commission_agenda_item" ("context", "commission_id") where not "closed";`,
    );
    this.addSql(`alter table "notifications_person_contact" add column "commission_digest" boolean not null default true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications_person_contact" drop column if exists "commission_digest";`);
    this.addSql(`drop table if exists "notifications_commission_agenda_item";`);
    this.addSql(`drop table if exists "notifications_commission_agenda";`);
  }
}
