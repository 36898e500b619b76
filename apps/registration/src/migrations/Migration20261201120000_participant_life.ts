import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #9 (F-19, F-25, F-27, F-28; ADR 0055): the registry follows the participant's life.
 * - `valid_to` — the last day of the current validity (the term end, moved by approved extensions;
 *   filled from `term_end` for the existing rows), `extensions` (the Annex 3 certificates), and the
 *   end participation published (`ended_on`, `end_kind`, `end_ground`, `end_ground_number`).
 * - A company may register again once its participation ended (F-25 → F-8): the unique constraint
 *   on `bin` becomes a plain index (one row per participation). down() restores the constraint and
 *   fails if a BIN already has two participations — it does not delete anyone's history.
 */
export class Migration20261201120000_participant_life extends Migration {
  override name = 'Migration20261201120000_participant_life';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registration_participant" drop constraint if exists "registration_participant_bin_unique";`);
    this.addSql(`create index "registration_participant_bin_idx" on "registration_participant" ("bin");`);
    this.addSql(
      `alter table "registration_participant" add column "valid_to" date null, add column "extensions" jsonb not null default '[]', add column "ended_on" date null, add column "end_kind" varchar(10) null, add column "end_ground" varchar(40) null, add column "end_ground_number" int null;`,
    );
    this.addSql(`update "registration_participant" set "valid_to" = "term_end";`);
    this.addSql(`alter table "registration_participant" alter column "valid_to" set not null, alter column "extensions" drop default;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "registration_participant" drop column "valid_to", drop column "extensions", drop column "ended_on", drop column "end_kind", drop column "end_ground", drop column "end_ground_number";`,
    );
    this.addSql(`drop index "registration_participant_bin_idx";`);
    this.addSql(`alter table "registration_participant" add constraint "registration_participant_bin_unique" unique ("bin");`);
  }
}
