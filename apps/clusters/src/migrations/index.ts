import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261209000100_office_documents } from './Migration20261209000100_office_documents.js';
import { Migration20261205113956_initial } from './Migration20261205113956_initial.js';
import { Migration20261205170000_selection } from './Migration20261205170000_selection.js';
import { Migration20261205173000_results } from './Migration20261205173000_results.js';
import { Migration20261205200000_expert_stage } from './Migration20261205200000_expert_stage.js';
import { Migration20261205232000_known_documents } from './Migration20261205232000_known_documents.js';
import { Migration20261206024500_commission_votes } from './Migration20261206024500_commission_votes.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261205113956_initial', class: Migration20261205113956_initial },
  { name: 'Migration20261205170000_selection', class: Migration20261205170000_selection },
  { name: 'Migration20261205173000_results', class: Migration20261205173000_results },
  { name: 'Migration20261205200000_expert_stage', class: Migration20261205200000_expert_stage },
  { name: 'Migration20261205232000_known_documents', class: Migration20261205232000_known_documents },
  { name: 'Migration20261206024500_commission_votes', class: Migration20261206024500_commission_votes },
  { name: 'Migration20261209000100_office_documents', class: Migration20261209000100_office_documents },
];
