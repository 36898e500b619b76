/**
 * F-42 key rotation for training (ADR 0022; docs/runbooks/pii-key-rotation.md): re-encrypts every trainee's IIN
 * and full name (F-76) whose key is not the active one. Steps: add the new key to HUB_PII_KEYS and make it
 * HUB_PII_ACTIVE_KEY (new writes use it at once), deploy, run this command, then remove the old key from the ring
 * when it reports 0 — unless it is the IIN blind index's key: pin that one with HUB_PII_INDEX_KEY before the
 * rotation, and it stays in the ring for the index alone (ADR 0065: the index key is never rotated in place).
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 */
import { runPiiReencryptionCli } from '@hub/pii/reencryption';
import { trainingOrmConfig } from '../mikro-orm.config.js';
import { TRAINING_PII_COLUMNS } from '../trainees/infrastructure/pii-reencryption.js';

process.exitCode = await runPiiReencryptionCli({ context: 'training', ormConfig: trainingOrmConfig, columns: TRAINING_PII_COLUMNS });
