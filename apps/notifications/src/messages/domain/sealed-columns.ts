/**
 * The @hub/pii bindings (AAD `<binding>:<row key>`) of every value notifications seals (F-42): an e-mail
 * row's address and a company's mailbox (ADR 0121 §4), a person's e-mail from the IdP's claims (ADR 0114),
 * an application's filer (ADR 0121 §2). One list, so that the key rotation (ADR 0133) cannot miss one.
 */
export const MESSAGE_ADDRESS = 'notifications_message.address';
export const PREFERENCE_EMAIL = 'notifications_recipient_preference.email';
export const PERSON_CONTACT_EMAIL = 'notifications_person_contact.email';
export const APPLICATION_FILED_BY = 'notifications_application_contact.filed_by';

/** Where each sealed value lives: its table, the row key bound into the AAD, the ciphertext column. */
export const SEALED_COLUMNS = [
  { table: 'notifications_message', key: 'id', column: 'address_cipher', binding: MESSAGE_ADDRESS },
  { table: 'notifications_recipient_preference', key: 'bin', column: 'email_cipher', binding: PREFERENCE_EMAIL },
  { table: 'notifications_person_contact', key: 'subject', column: 'email_cipher', binding: PERSON_CONTACT_EMAIL },
  { table: 'notifications_application_contact', key: 'application_id', column: 'filed_by_cipher', binding: APPLICATION_FILED_BY },
] as const;
