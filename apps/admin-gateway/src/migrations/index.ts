import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122015314_initial } from './Migration20261122015314_initial.js';
import { Migration20261122015400_audit_append_only } from './Migration20261122015400_audit_append_only.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122015314_initial', class: Migration20261122015314_initial },
  { name: 'Migration20261122015400_audit_append_only', class: Migration20261122015400_audit_append_only },
];
