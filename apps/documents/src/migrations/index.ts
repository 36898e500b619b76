import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201075517_initial } from './Migration20261201075517_initial.js';
import { Migration20261205120000_retention_purge } from './Migration20261205120000_retention_purge.js';
import { Migration20261209000000_office_documents } from './Migration20261209000000_office_documents.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261201075517_initial', class: Migration20261201075517_initial },
  { name: 'Migration20261205120000_retention_purge', class: Migration20261205120000_retention_purge },
  { name: 'Migration20261209000000_office_documents', class: Migration20261209000000_office_documents },
];
