import { Migration } from '@mikro-orm/migrations';

/**
 * F-72 (issue #13): the Commission's presentation schedule — each presentation has a length, so that
 * two applicants of one intake never present in overlapping slots (checked by the
 * presentation-schedule rule when the secretary schedules).
 */
export class Migration20261206024500_presentation_schedule extends Migration {
  override name = 'Migration20261206024500_presentation_schedule';

  override up(): void | Promise<void> {
    this.addSql(`alter table "training_provider_application" add column "presentation_minutes" int null check ("presentation_minutes" between 1 and 480);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "training_provider_application" drop column "presentation_minutes";`);
  }
}
