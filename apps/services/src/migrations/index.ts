import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201082617_initial } from './Migration20261201082617_initial.js';
import { Migration20261205171500_cohorts } from './Migration20261205171500_cohorts.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261201082617_initial', class: Migration20261201082617_initial },
  { name: 'Migration20261205171500_cohorts', class: Migration20261205171500_cohorts },
];
