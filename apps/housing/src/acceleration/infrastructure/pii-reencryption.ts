import type { PiiColumn } from '@hub/pii/reencryption';

/**
 * Every F-42 ciphertext housing keeps, with the row id bound into it: a housing request's IIN and contacts
 * (`housing_case`, sealed by the request-housing handler). A new one is added here; `cli/reencrypt-pii.ts`
 * rotates them all with `@hub/pii/reencryption` (ADR 0022). A case whose retention ended holds '' (ADR 0124):
 * nothing sealed, left alone. The enrolment's IIN blind index is not rotated: the index key never is (ADR 0065).
 */
export const HOUSING_PII_COLUMNS = [
  { table: 'housing_case', column: 'iin_cipher' },
  { table: 'housing_case', column: 'contacts_cipher' },
] as const satisfies readonly PiiColumn[];
