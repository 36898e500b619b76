import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #17 (ADR 0047, ADR 0048): the indexes of the read paths at scale.
 * - The deadlines contract pages open deadlines by keyset on (due_at, id): the partial index on
 *   (due_at) alone is replaced by one on (due_at, id), and an applicant's own (bin = …) page gets
 *   (bin, due_at, id).
 * - The public registry (F-19) pages listed participants by keyset on (company_name, bin, id), and
 *   filters activity types with `activity_types @> …` — a GIN index (jsonb_path_ops) serves it.
 */
export class Migration20261205230000_read_paths extends Migration {
  override name = 'Migration20261205230000_read_paths';

  override up(): void | Promise<void> {
    this.addSql(`create index "registration_deadline_open_due_id_idx" on "registration_deadline" ("due_at", "id") where "status" = 'open';`);
    this.addSql(`create index "registration_deadline_open_bin_due_idx" on "registration_deadline" ("bin", "due_at", "id") where "status" = 'open';`);
    this.addSql(`drop index if exists "registration_deadline_open_due_idx";`);
    this.addSql(
      `create index "registration_participant_registry_idx" on "registration_participant" ("company_name", "bin", "id") where "listed_on" is not null;`,
    );
    this.addSql(`create index "registration_participant_activity_types_idx" on "registration_participant" using gin ("activity_types" jsonb_path_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "registration_participant_activity_types_idx";`);
    this.addSql(`drop index if exists "registration_participant_registry_idx";`);
    this.addSql(`create index "registration_deadline_open_due_idx" on "registration_deadline" ("due_at") where "status" = 'open';`);
    this.addSql(`drop index if exists "registration_deadline_open_bin_due_idx";`);
    this.addSql(`drop index if exists "registration_deadline_open_due_id_idx";`);
  }
}
