import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261205113953_initial } from './Migration20261205113953_initial.js';
import { Migration20261205170000_intakes } from './Migration20261205170000_intakes.js';
import { Migration20261205173000_participation } from './Migration20261205173000_participation.js';
import { Migration20261205200000_review_remarks } from './Migration20261205200000_review_remarks.js';
import { Migration20261205203000_commission_quotas_trainees } from './Migration20261205203000_commission_quotas_trainees.js';
import { Migration20261205230000_decision_notice_proof } from './Migration20261205230000_decision_notice_proof.js';
import { Migration20261205231000_known_documents } from './Migration20261205231000_known_documents.js';
import { Migration20261206024500_presentation_schedule } from './Migration20261206024500_presentation_schedule.js';
import { Migration20261207010000_presentation_no_overlap } from './Migration20261207010000_presentation_no_overlap.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261205113953_initial', class: Migration20261205113953_initial },
  { name: 'Migration20261205170000_intakes', class: Migration20261205170000_intakes },
  { name: 'Migration20261205173000_participation', class: Migration20261205173000_participation },
  { name: 'Migration20261205200000_review_remarks', class: Migration20261205200000_review_remarks },
  { name: 'Migration20261205203000_commission_quotas_trainees', class: Migration20261205203000_commission_quotas_trainees },
  { name: 'Migration20261205230000_decision_notice_proof', class: Migration20261205230000_decision_notice_proof },
  { name: 'Migration20261205231000_known_documents', class: Migration20261205231000_known_documents },
  { name: 'Migration20261206024500_presentation_schedule', class: Migration20261206024500_presentation_schedule },
  { name: 'Migration20261207010000_presentation_no_overlap', class: Migration20261207010000_presentation_no_overlap },
];
