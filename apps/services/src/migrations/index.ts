import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201082617_initial } from './Migration20261201082617_initial.js';
import { Migration20261205171500_cohorts } from './Migration20261205171500_cohorts.js';
import { Migration20261205230000_billing } from './Migration20261205230000_billing.js';
import { Migration20261206024100_cohort_iin_pii } from './Migration20261206024100_cohort_iin_pii.js';
import { Migration20261206031700_application_translation } from './Migration20261206031700_application_translation.js';
import { Migration20261207040000_recipient_pseudonym } from './Migration20261207040000_recipient_pseudonym.js';
import { Migration20261208020000_invoice_archive } from './Migration20261208020000_invoice_archive.js';
import { Migration20261211400000_contract_payer_name } from './Migration20261211400000_contract_payer_name.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261201082617_initial', class: Migration20261201082617_initial },
  { name: 'Migration20261205171500_cohorts', class: Migration20261205171500_cohorts },
  { name: 'Migration20261205230000_billing', class: Migration20261205230000_billing },
  { name: 'Migration20261206024100_cohort_iin_pii', class: Migration20261206024100_cohort_iin_pii },
  { name: 'Migration20261206031700_application_translation', class: Migration20261206031700_application_translation },
  { name: 'Migration20261207040000_recipient_pseudonym', class: Migration20261207040000_recipient_pseudonym },
  { name: 'Migration20261208020000_invoice_archive', class: Migration20261208020000_invoice_archive },
  { name: 'Migration20261211400000_contract_payer_name', class: Migration20261211400000_contract_payer_name },
];
