import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency-Key (issue #18, ADR 0038): the first call with a key per caller, its request fingerprint,
 * whether its answer is known, and the answer kept for replay until `expires_at`.
 */
export class Migration20261205130000_idempotency extends Migration {
  override name = 'Migration20261205130000_idempotency';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "gateway_idempotency" ("subject" varchar(255) not null, "idem_key" varchar(255) not null, "request_hash" char(64) not null, "state" varchar(20) not null, "status" int null, "headers" jsonb null, "body" bytea null, "created_at" timestamptz not null, "locked_until" timestamptz not null, "expires_at" timestamptz not null, primary key ("subject", "idem_key"));`,
    );
    this.addSql(`create index "gateway_idempotency_expires_idx" on "gateway_idempotency" ("expires_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "gateway_idempotency";`);
  }
}
