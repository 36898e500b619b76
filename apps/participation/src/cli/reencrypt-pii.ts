/**
 * F-42 key rotation (ADR 0022): re-encrypts every non-resident record whose key is not the active
 * one. Steps: add the new key to HUB_PII_KEYS and make it HUB_PII_ACTIVE_KEY (new writes use it at
 * once), deploy, run this command, then remove the old key from the ring.
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 * It also runs the F-42 data migration that completes family members with the engaged person's Latin
 * name (issue #9): run it once after deploying that release.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { participationOrmConfig } from '../mikro-orm.config.js';
import { backfillEngagedPersonLatin, reencryptPii } from '../reporting/infrastructure/pii-reencryption.js';
import { checkPiiConfig, piiCipherFrom, piiConfigShape } from '@hub/pii';

const env = z
  .object({ DATABASE_URL: z.string().min(1), ...piiConfigShape })
  .superRefine(checkPiiConfig)
  .safeParse(process.env);
if (!env.success) {
  process.stderr.write(`invalid configuration: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  process.exit(78);
}
const orm = await MikroORM.init(participationOrmConfig(env.data.DATABASE_URL));
try {
  const cipher = piiCipherFrom(env.data);
  const moved = await reencryptPii(orm.em.fork(), cipher);
  process.stdout.write(`participation: ${moved} non-resident record(s) re-encrypted with key ${env.data.HUB_PII_ACTIVE_KEY}\n`);
  // F-42 data migration (issue #9): family members get the engaged person's Latin name.
  const completed = await backfillEngagedPersonLatin(orm.em.fork(), cipher);
  process.stdout.write(`participation: ${completed} family-member record(s) completed with the engaged person's Latin name (F-42)\n`);
} finally {
  await orm.close();
}
