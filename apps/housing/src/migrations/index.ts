import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261205114415_initial } from './Migration20261205114415_initial.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [{ name: 'Migration20261205114415_initial', class: Migration20261205114415_initial }];
