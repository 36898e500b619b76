import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { PiiCipher } from '../application/ports/pii-cipher.js';
import { NonResidentRecord } from '../domain/quarterly-report.aggregate.js';

/**
 * Key rotation (ADR 0022): re-encrypts every F-42 record whose key is not the active one, in
 * batches, each batch one transaction. Returns how many records moved to the active key.
 */
export async function reencryptPii(em: SqlEntityManager, cipher: PiiCipher, batchSize = 500): Promise<number> {
  let moved = 0;
  for (;;) {
    const n = await em.fork().transactional(async (tx) => {
      const batch = await tx.find(NonResidentRecord, { keyId: { $ne: cipher.activeKeyId } }, { limit: batchSize, orderBy: { id: 'asc' } });
      for (const r of batch) {
        const { ciphertext, keyId } = cipher.encrypt(cipher.decrypt(r.personalData, r.id), r.id);
        r.reencrypted(ciphertext, keyId);
      }
      return batch.length;
    });
    moved += n;
    if (n < batchSize) return moved;
  }
}
