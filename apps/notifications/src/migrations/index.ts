import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261205113958_initial } from './Migration20261205113958_initial.js';
import { Migration20261205190000_messages } from './Migration20261205190000_messages.js';
import { Migration20261205203000_email_reminders } from './Migration20261205203000_email_reminders.js';
import { Migration20261205233000_resend } from './Migration20261205233000_resend.js';
import { Migration20261206024700_reported_quarters } from './Migration20261206024700_reported_quarters.js';
import { Migration20261207050000_person_recipients } from './Migration20261207050000_person_recipients.js';
import { Migration20261209100000_person_contacts } from './Migration20261209100000_person_contacts.js';
import { Migration20261211200000_representatives } from './Migration20261211200000_representatives.js';
import { Migration20261211210000_application_contacts } from './Migration20261211210000_application_contacts.js';
import { Migration20261211220000_sealed_addresses } from './Migration20261211220000_sealed_addresses.js';
import { Migration20261212850000_commission_agenda } from './Migration20261212850000_commission_agenda.js';

/** Every migration, in order (explicit, so that compiled and test runs see the same list). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261205113958_initial', class: Migration20261205113958_initial },
  { name: 'Migration20261205190000_messages', class: Migration20261205190000_messages },
  { name: 'Migration20261205203000_email_reminders', class: Migration20261205203000_email_reminders },
  { name: 'Migration20261205233000_resend', class: Migration20261205233000_resend },
  { name: 'Migration20261206024700_reported_quarters', class: Migration20261206024700_reported_quarters },
  { name: 'Migration20261207050000_person_recipients', class: Migration20261207050000_person_recipients },
  { name: 'Migration20261209100000_person_contacts', class: Migration20261209100000_person_contacts },
  { name: 'Migration20261211200000_representatives', class: Migration20261211200000_representatives },
  { name: 'Migration20261211210000_application_contacts', class: Migration20261211210000_application_contacts },
  { name: 'Migration20261211220000_sealed_addresses', class: Migration20261211220000_sealed_addresses },
  { name: 'Migration20261212850000_commission_agenda', class: Migration20261212850000_commission_agenda },
];
