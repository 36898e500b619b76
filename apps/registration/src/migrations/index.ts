import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122014537_initial } from './Migration20261122014537_initial.js';
import { Migration20261122015830_applications } from './Migration20261122015830_applications.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122014537_initial', class: Migration20261122014537_initial },
  { name: 'Migration20261122015830_applications', class: Migration20261122015830_applications },
];
