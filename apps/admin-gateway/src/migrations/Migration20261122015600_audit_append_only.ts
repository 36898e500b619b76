import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail is append-only in the database itself, not only because the gateway has no
 * route to change it (ADR 0032): a trigger rejects every UPDATE and DELETE (row level) and every
 * TRUNCATE (statement level) on gateway_audit_event. Hand-written: MikroORM does not generate triggers.
 */
export class Migration20261122015600_audit_append_only extends Migration {
  override name = 'Migration20261122015600_audit_append_only';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "gateway_audit_event" add constraint "gateway_audit_event_kind_check" check ("kind" in ('write', 'restricted-read', 'audit-read'));`,
    );
    this.addSql(
      `alter table "gateway_audit_event" add constraint "gateway_audit_event_outcome_check" check ("outcome" in ('allowed', 'denied', 'rejected', 'failed'));`,
    );
    this.addSql(`create or replace function gateway_audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'gateway_audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(
      `create trigger "gateway_audit_event_no_update_delete" before update or delete on "gateway_audit_event" for each row execute function gateway_audit_event_append_only();`,
    );
    this.addSql(
      `create trigger "gateway_audit_event_no_truncate" before truncate on "gateway_audit_event" for each statement execute function gateway_audit_event_append_only();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "gateway_audit_event_no_truncate" on "gateway_audit_event";`);
    this.addSql(`drop trigger if exists "gateway_audit_event_no_update_delete" on "gateway_audit_event";`);
    this.addSql(`drop function if exists gateway_audit_event_append_only();`);
    this.addSql(`alter table "gateway_audit_event" drop constraint if exists "gateway_audit_event_outcome_check";`);
    this.addSql(`alter table "gateway_audit_event" drop constraint if exists "gateway_audit_event_kind_check";`);
  }
}
