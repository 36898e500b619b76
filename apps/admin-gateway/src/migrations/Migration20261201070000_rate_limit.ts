import { Migration } from '@mikro-orm/migrations';

/**
 * The shared rate-limit store (ADR 0031): one row per limited key (`ip:<address>`,
 * `caller:sub:<subject>`, …) with the calls spent in the current window and when the window ends
 * (epoch milliseconds). The shape is the one `rate-limiter-flexible`'s RateLimiterPostgres expects;
 * the gateway creates it here, reviewed and versioned, and tells the library `tableCreated: true`
 * (no DDL at run time, so the gateway's production role needs no CREATE right). An index on
 * `expire` keeps the library's periodic cleanup of expired rows cheap.
 */
export class Migration20261201070000_rate_limit extends Migration {
  override name = 'Migration20261201070000_rate_limit';

  override up(): void | Promise<void> {
    this.addSql(`create table "gateway_rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint null);`);
    this.addSql(`create index "gateway_rate_limit_expire_idx" on "gateway_rate_limit" ("expire");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "gateway_rate_limit";`);
  }
}
