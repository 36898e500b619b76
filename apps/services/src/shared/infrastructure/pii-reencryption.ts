import type { PiiColumn } from '@hub/pii/reencryption';

/**
 * Every F-42 ciphertext services keeps, with the row id bound into it (ADR 0068, ADR 0069): the cohort
 * members' IINs, the individual recipients' IINs behind their pseudonyms and the payer's name on a
 * contract (ADR 0123). A new one is added here; `cli/reencrypt-pii.ts` rotates them all with
 * `@hub/pii/reencryption` (ADR 0022). Blind indexes are left alone: the index key is never rotated in place
 * (ADR 0065).
 */
export const SERVICES_PII_COLUMNS = [
  { table: 'services_cohort_enrolment', column: 'person_iin_cipher' },
  { table: 'services_recipient_person', column: 'iin_cipher' },
  { table: 'services_application', column: 'contract_payer_name_cipher' },
] as const satisfies readonly PiiColumn[];
