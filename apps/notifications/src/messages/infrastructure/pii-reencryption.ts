import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { PiiCipher } from '@hub/pii';
import { SEALED_COLUMNS } from '../domain/sealed-columns.js';

/**
 * Key rotation of every value in `SEALED_COLUMNS` (ADR 0022, ADR 0133, docs/runbooks/pii-key-rotation.md) — services' `reencryptServicesPii`
 * for notifications: re-encrypts every ciphertext whose key is not the active one, in batches, each batch
 * one transaction (`for update skip locked`, so a run beside the app or another run never moves a row
 * twice). Idempotent and resumable: a value already under the active key is never selected, so a run cut
 * short is simply run again. Returns how many values moved to the active key.
 */
export async function reencryptNotificationsPii(em: SqlEntityManager, cipher: PiiCipher, batchSize = 500): Promise<number> {
  let moved = 0;
  for (const { table, key, column, binding } of SEALED_COLUMNS) {
    for (;;) {
      const n = await em.fork().transactional(async (tx) => {
        const batch = await tx.execute<{ key: string; ciphertext: string }[]>(
          `select "${key}"::text as "key", "${column}" as "ciphertext" from "${table}" where split_part("${column}", '.', 2) <> ? order by "${key}" limit ? for update skip locked`,
          [cipher.activeKeyId, batchSize],
        );
        for (const r of batch) {
          const aad = `${binding}:${r.key}`;
          await tx.execute(`update "${table}" set "${column}" = ? where "${key}" = ?`, [cipher.encrypt(cipher.decrypt(r.ciphertext, aad), aad), r.key]);
        }
        return batch.length;
      });
      moved += n;
      if (n < batchSize) break;
    }
  }
  return moved;
}
