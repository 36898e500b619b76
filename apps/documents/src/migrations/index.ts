import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201075517_initial } from './Migration20261201075517_initial.js';
import { Migration20261205120000_retention_purge } from './Migration20261205120000_retention_purge.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261201075517_initial', class: Migration20261201075517_initial },
  { name: 'Migration20261205120000_retention_purge', class: Migration20261205120000_retention_purge },
];
