import { Migration } from '@mikro-orm/migrations';

/**
 * F-72 (issue #13, ADR 0074 amended): the Commission hears one applicant at a time — two presentation
 * slots of one intake never overlap, now guaranteed by the database and not only by the command's
 * check (which two simultaneous requests could both pass). An exclusion constraint over
 * (intake, [at, at + minutes)) with btree_gist (a trusted extension; the migrator has CREATE on its
 * database, ADR 0039), on the same applications the command compares: complete, admitted, rejected.
 *
 * `timestamptz + interval` is only STABLE in PostgreSQL (a day or month interval depends on the
 * time zone), so it cannot be an index expression; `training_presentation_slot` adds whole minutes
 * only, which no time zone changes, and is therefore honestly IMMUTABLE.
 */
export class Migration20261207010000_presentation_no_overlap extends Migration {
  override name = 'Migration20261207010000_presentation_no_overlap';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(
      `create function "training_presentation_slot"("at" timestamptz, "minutes" int) returns tstzrange language sql immutable parallel safe as $$ select tstzrange("at", "at" + make_interval(mins => "minutes"), '[)') $$;`,
    );
    this.addSql(
      `alter table "training_provider_application" add constraint "training_presentation_no_overlap" exclude using gist ("intake_id" with =, "training_presentation_slot"("presentation_at", "presentation_minutes") with &&) where ("presentation_at" is not null and "presentation_minutes" is not null and "status" in ('complete', 'admitted', 'rejected'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "training_provider_application" drop constraint "training_presentation_no_overlap";`);
    this.addSql(`drop function "training_presentation_slot"(timestamptz, int);`);
  }
}
