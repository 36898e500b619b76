import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122014537_initial } from './Migration20261122014537_initial.js';
import { Migration20261122015830_applications } from './Migration20261122015830_applications.js';
import { Migration20261122022244_one_open_application } from './Migration20261122022244_one_open_application.js';
import { Migration20261201071500_columns_instead_of_snapshot } from './Migration20261201071500_columns_instead_of_snapshot.js';
import { Migration20261201090000_money_in_tiyn } from './Migration20261201090000_money_in_tiyn.js';
import { Migration20261201120000_participant_life } from './Migration20261201120000_participant_life.js';
import { Migration20261205200000_notification_proof } from './Migration20261205200000_notification_proof.js';
import { Migration20261205210000_known_documents } from './Migration20261205210000_known_documents.js';
import { Migration20261205230000_read_paths } from './Migration20261205230000_read_paths.js';
import { Migration20261206030000_documents_attached } from './Migration20261206030000_documents_attached.js';
import { Migration20261207070000_certificate_archive } from './Migration20261207070000_certificate_archive.js';
import { Migration20261208060000_protocol_archive } from './Migration20261208060000_protocol_archive.js';
import { Migration20261211300000_full_protocol_archive } from './Migration20261211300000_full_protocol_archive.js';
import { Migration20261211600000_registry_activity_rows } from './Migration20261211600000_registry_activity_rows.js';
import { Migration20261212700000_translation_document } from './Migration20261212700000_translation_document.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122014537_initial', class: Migration20261122014537_initial },
  { name: 'Migration20261122015830_applications', class: Migration20261122015830_applications },
  { name: 'Migration20261122022244_one_open_application', class: Migration20261122022244_one_open_application },
  { name: 'Migration20261201071500_columns_instead_of_snapshot', class: Migration20261201071500_columns_instead_of_snapshot },
  { name: 'Migration20261201090000_money_in_tiyn', class: Migration20261201090000_money_in_tiyn },
  { name: 'Migration20261201120000_participant_life', class: Migration20261201120000_participant_life },
  { name: 'Migration20261205200000_notification_proof', class: Migration20261205200000_notification_proof },
  { name: 'Migration20261205210000_known_documents', class: Migration20261205210000_known_documents },
  { name: 'Migration20261205230000_read_paths', class: Migration20261205230000_read_paths },
  { name: 'Migration20261206030000_documents_attached', class: Migration20261206030000_documents_attached },
  { name: 'Migration20261207070000_certificate_archive', class: Migration20261207070000_certificate_archive },
  { name: 'Migration20261208060000_protocol_archive', class: Migration20261208060000_protocol_archive },
  { name: 'Migration20261211300000_full_protocol_archive', class: Migration20261211300000_full_protocol_archive },
  { name: 'Migration20261211600000_registry_activity_rows', class: Migration20261211600000_registry_activity_rows },
  { name: 'Migration20261212700000_translation_document', class: Migration20261212700000_translation_document },
];
