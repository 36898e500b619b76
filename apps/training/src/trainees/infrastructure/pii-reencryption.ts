import type { PiiColumn } from '@hub/pii/reencryption';

/**
 * Every F-42 ciphertext training keeps, with the row id bound into it: a trainee's IIN and full name
 * (`training_trainee`, F-76, sealed when a provider lists its trainees). A new one is added here;
 * `cli/reencrypt-pii.ts` rotates them all with `@hub/pii/reencryption` (ADR 0022). The IIN's blind index
 * (`iin_index`, unique per intake) is not rotated: the index key never is (ADR 0065).
 */
export const TRAINING_PII_COLUMNS = [
  { table: 'training_trainee', column: 'iin_cipher' },
  { table: 'training_trainee', column: 'name_cipher' },
] as const satisfies readonly PiiColumn[];
