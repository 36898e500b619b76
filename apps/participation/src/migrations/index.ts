import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122015626_initial } from './Migration20261122015626_initial.js';
import { Migration20261122022306_optimistic_locks } from './Migration20261122022306_optimistic_locks.js';
import { Migration20261201071500_money_in_tiyn } from './Migration20261201071500_money_in_tiyn.js';
import { Migration20261201080000_audit_money_in_tiyn } from './Migration20261201080000_audit_money_in_tiyn.js';
import { Migration20261201081500_analytics_report_version } from './Migration20261201081500_analytics_report_version.js';
import { Migration20261201083000_report_indicators_in_tiyn } from './Migration20261201083000_report_indicators_in_tiyn.js';
import { Migration20261201100000_extension_certificate } from './Migration20261201100000_extension_certificate.js';
import { Migration20261201101000_annual_income } from './Migration20261201101000_annual_income.js';
import { Migration20261205230000_documents_by_id } from './Migration20261205230000_documents_by_id.js';
import { Migration20261210000000_f42_retention } from './Migration20261210000000_f42_retention.js';
import { Migration20261212200000_analytics_archive } from './Migration20261212200000_analytics_archive.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122015626_initial', class: Migration20261122015626_initial },
  { name: 'Migration20261122022306_optimistic_locks', class: Migration20261122022306_optimistic_locks },
  { name: 'Migration20261201071500_money_in_tiyn', class: Migration20261201071500_money_in_tiyn },
  { name: 'Migration20261201080000_audit_money_in_tiyn', class: Migration20261201080000_audit_money_in_tiyn },
  { name: 'Migration20261201081500_analytics_report_version', class: Migration20261201081500_analytics_report_version },
  { name: 'Migration20261201083000_report_indicators_in_tiyn', class: Migration20261201083000_report_indicators_in_tiyn },
  { name: 'Migration20261201100000_extension_certificate', class: Migration20261201100000_extension_certificate },
  { name: 'Migration20261201101000_annual_income', class: Migration20261201101000_annual_income },
  { name: 'Migration20261205230000_documents_by_id', class: Migration20261205230000_documents_by_id },
  { name: 'Migration20261210000000_f42_retention', class: Migration20261210000000_f42_retention },
  { name: 'Migration20261212200000_analytics_archive', class: Migration20261212200000_analytics_archive },
];
