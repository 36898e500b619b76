import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261205114415_initial } from './Migration20261205114415_initial.js';
import { Migration20261205120500_housing } from './Migration20261205120500_housing.js';
import { Migration20261206024000_premises_hand_back } from './Migration20261206024000_premises_hand_back.js';
import { Migration20261206024500_known_documents } from './Migration20261206024500_known_documents.js';
import { Migration20261207020000_one_open_premises_request } from './Migration20261207020000_one_open_premises_request.js';
import { Migration20261211500000_f42_retention } from './Migration20261211500000_f42_retention.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261205114415_initial', class: Migration20261205114415_initial },
  { name: 'Migration20261205120500_housing', class: Migration20261205120500_housing },
  { name: 'Migration20261206024000_premises_hand_back', class: Migration20261206024000_premises_hand_back },
  { name: 'Migration20261206024500_known_documents', class: Migration20261206024500_known_documents },
  { name: 'Migration20261207020000_one_open_premises_request', class: Migration20261207020000_one_open_premises_request },
  { name: 'Migration20261211500000_f42_retention', class: Migration20261211500000_f42_retention },
];
