import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { PiiCipher } from '@hub/pii';

/**
 * Every F-42 ciphertext services keeps, with the row id bound into it (ADR 0068, ADR 0069): the cohort
 * members' IINs, the individual recipients' IINs behind their pseudonyms and the payer's name on a
 * contract (ADR 0123). A new one is added here.
 */
export const SERVICES_PII_COLUMNS = [
  { table: 'services_cohort_enrolment', column: 'person_iin_cipher' },
  { table: 'services_recipient_person', column: 'iin_cipher' },
  { table: 'services_application', column: 'contract_payer_name_cipher' },
] as const;

/**
 * Key rotation (ADR 0022, docs/runbooks/pii-key-rotation.md): re-encrypts every services ciphertext whose
 * key is not the active one, in batches, each batch one transaction (`for update skip locked`, so a run
 * beside the app or another run never moves a row twice). Blind indexes are left alone: the index key is
 * never rotated in place (ADR 0065). Returns how many values moved to the active key.
 */
export async function reencryptServicesPii(em: SqlEntityManager, cipher: PiiCipher, batchSize = 500): Promise<number> {
  let moved = 0;
  for (const { table, column } of SERVICES_PII_COLUMNS) {
    for (;;) {
      const n = await em.fork().transactional(async (tx) => {
        const batch = await tx.execute<{ id: string; ciphertext: string }[]>(
          `select "id", "${column}" as "ciphertext" from "${table}" where split_part("${column}", '.', 2) <> ? order by "id" limit ? for update skip locked`,
          [cipher.activeKeyId, batchSize],
        );
        for (const r of batch)
          await tx.execute(`update "${table}" set "${column}" = ? where "id" = ?`, [cipher.encrypt(cipher.decrypt(r.ciphertext, r.id), r.id), r.id]);
        return batch.length;
      });
      moved += n;
      if (n < batchSize) break;
    }
  }
  return moved;
}
