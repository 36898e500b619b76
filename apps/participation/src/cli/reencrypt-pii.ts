/**
 * F-42 key rotation (ADR 0022; docs/runbooks/pii-key-rotation.md): re-encrypts every non-resident record whose
 * key is not the active one. Steps: add the new key to HUB_PII_KEYS and make it HUB_PII_ACTIVE_KEY (new writes
 * use it at once), deploy, run this command, then remove the old key from the ring when it reports 0.
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 * It also runs the F-42 data migration that completes family members with the engaged person's Latin
 * name (issue #9): run it once after deploying that release.
 */
import { runPiiReencryptionCli } from '@hub/pii/reencryption';
import { participationOrmConfig } from '../mikro-orm.config.js';
import { PARTICIPATION_PII_COLUMNS, backfillEngagedPersonLatin } from '../reporting/infrastructure/pii-reencryption.js';

process.exitCode = await runPiiReencryptionCli({
  context: 'participation',
  ormConfig: participationOrmConfig,
  columns: PARTICIPATION_PII_COLUMNS,
  // F-42 data migration (issue #9): family members get the engaged person's Latin name.
  alsoRun: async (em, cipher) => [
    `${await backfillEngagedPersonLatin(em, cipher)} family-member record(s) completed with the engaged person's Latin name (F-42)`,
  ],
});
