import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { NonResidents } from '@hub/contracts';
import type { PiiCipher } from '@hub/pii';
import { withEngagedPersonLatin } from '../domain/non-resident-upcast.js';
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
        const ciphertext = cipher.encrypt(cipher.decrypt(r.personalData, r.id), r.id);
        r.reencrypted(ciphertext, cipher.keyIdOf(ciphertext));
      }
      return batch.length;
    });
    moved += n;
    if (n < batchSize) return moved;
  }
}

/**
 * F-42 data migration (issue #9): family-member records written before `engagedPersonFullNameLatin`
 * existed get it from the engaged person of the same report, re-encrypted with the active key — the
 * personal data is ciphertext, so SQL cannot do it. Idempotent; run by `cli/reencrypt-pii.js` (it has
 * the key ring). Reads upcast the same way until it has run. Returns how many records were completed.
 */
export async function backfillEngagedPersonLatin(em: SqlEntityManager, cipher: PiiCipher, batchSize = 500): Promise<number> {
  let completed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { n, last } = await em.fork().transactional(async (tx) => {
      const batch = await tx.find(NonResidentRecord, { kind: 'family-member', id: { $gt: after } }, { limit: batchSize, orderBy: { id: 'asc' } });
      const engagedOf = new Map<string, NonResidents['engaged']>();
      for (const r of batch) {
        const person = JSON.parse(cipher.decrypt(r.personalData, r.id)) as Partial<NonResidents['familyMembers'][number]>;
        if (person.engagedPersonFullNameLatin) continue;
        if (!engagedOf.has(r.reportId)) {
          const engaged = await tx.find(NonResidentRecord, { reportId: r.reportId, kind: 'engaged' });
          engagedOf.set(
            r.reportId,
            engaged.map((e) => JSON.parse(cipher.decrypt(e.personalData, e.id)) as NonResidents['engaged'][number]),
          );
        }
        const completedPerson = withEngagedPersonLatin(person, engagedOf.get(r.reportId)!);
        if (!completedPerson.engagedPersonFullNameLatin) continue; // no such engaged person: left for the Fund to correct
        const ciphertext = cipher.encrypt(JSON.stringify(completedPerson), r.id);
        r.reencrypted(ciphertext, cipher.keyIdOf(ciphertext));
        completed++;
      }
      return { n: batch.length, last: batch.at(-1)?.id ?? after };
    });
    after = last;
    if (n < batchSize) return completed;
  }
}
