import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10, ADR 0122 (F-15, F-16, F-20, F-35): beside the extract that goes to the company, each
 * Commission protocol is archived in full — each member's vote, the decision and its reasons — as the
 * Fund's own issued document (kind `commission-protocol-full`, read by its reviewers only). The archive
 * record gains its id and hash; the protocols archived before this migration owe their full copy, so
 * their archiving timer is scheduled again (the extract is found by its issue key, not issued twice).
 */
export class Migration20261211300000_full_protocol_archive extends Migration {
  override name = 'Migration20261211300000_full_protocol_archive';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registration_protocol_archive" add column "full_document_id" uuid null unique, add column "full_sha256" char(64) null;`);
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'registration.protocol-archive', p."protocol_number", now(), jsonb_build_object('protocolNumber', p."protocol_number"), 'scheduled', 0, now(), now()
         from "registration_protocol_archive" p
        where p."full_document_id" is null
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registration_protocol_archive" drop column "full_document_id", drop column "full_sha256";`);
  }
}
