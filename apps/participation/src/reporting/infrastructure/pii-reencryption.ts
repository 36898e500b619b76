import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { NonResidents } from '@hub/contracts';
import type { PiiCipher } from '@hub/pii';
import type { PiiColumn } from '@hub/pii/reencryption';
import { withEngagedPersonLatin } from '../domain/non-resident-upcast.js';
import { NonResidentRecord } from '../domain/quarterly-report.aggregate.js';

/**
 * Every F-42 ciphertext participation keeps (ADR 0022): the non-residents' records, each bound to its id, with
 * the key named beside it in `key_id` (kept in step by the rotation). `cli/reencrypt-pii.ts` rotates them with
 * `@hub/pii/reencryption`; a new personal-data column is added here.
 */
export const PARTICIPATION_PII_COLUMNS = [
  { table: 'non_resident_record', column: 'personal_data', keyIdColumn: 'key_id' },
] as const satisfies readonly PiiColumn[];

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
