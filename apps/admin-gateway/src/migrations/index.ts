import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122015537_initial } from './Migration20261122015537_initial.js';
import { Migration20261122015600_audit_append_only } from './Migration20261122015600_audit_append_only.js';
import { Migration20261201070000_rate_limit } from './Migration20261201070000_rate_limit.js';
import { Migration20261201071000_drop_messaging_tables } from './Migration20261201071000_drop_messaging_tables.js';
import { Migration20261205130000_idempotency } from './Migration20261205130000_idempotency.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122015537_initial', class: Migration20261122015537_initial },
  { name: 'Migration20261122015600_audit_append_only', class: Migration20261122015600_audit_append_only },
  { name: 'Migration20261201070000_rate_limit', class: Migration20261201070000_rate_limit },
  { name: 'Migration20261201071000_drop_messaging_tables', class: Migration20261201071000_drop_messaging_tables },
  { name: 'Migration20261205130000_idempotency', class: Migration20261205130000_idempotency },
];
