import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0045 (issue #10): documents whose retention ended are purged. Adds `purged_at`, and arms the
 * retention timer of every document that already has bytes and a retention date (verified, attached
 * or issued before this migration) — due at the start of the Almaty day (UTC+5) after `retain_until`,
 * as `scheduleRetentionEnd` arms it for new ones. Re-running arms nothing twice (the live-key index).
 */
export class Migration20261205120000_retention_purge extends Migration {
  override name = 'Migration20261205120000_retention_purge';

  override up(): void | Promise<void> {
    this.addSql(`alter table "document" add column "purged_at" timestamptz null;`);
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'documents.retention-ended', d."id"::text,
              ((d."retain_until" + 1)::timestamp at time zone 'Asia/Almaty'),
              jsonb_build_object('documentId', d."id"), 'scheduled', 0, now(), now()
         from "document" d
        where d."status" in ('verified', 'attached', 'issued') and d."retain_until" is not null
       on conflict ("kind", "timer_key") where "status" = 'scheduled' do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'documents.retention-ended' and "status" = 'scheduled';`);
    this.addSql(`alter table "document" drop column "purged_at";`);
  }
}
