/**
 * F-42 key rotation for services (ADR 0022, ADR 0069; docs/runbooks/pii-key-rotation.md): re-encrypts every
 * cohort member's and individual recipient's IIN and every contract payer's name whose key is not the active
 * one. Steps: add the new key to HUB_PII_KEYS and make it HUB_PII_ACTIVE_KEY (new writes use it at once),
 * deploy, run this command, then remove the old key from the ring when it reports 0.
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 */
import { runPiiReencryptionCli } from '@hub/pii/reencryption';
import { servicesOrmConfig } from '../mikro-orm.config.js';
import { SERVICES_PII_COLUMNS } from '../shared/infrastructure/pii-reencryption.js';

process.exitCode = await runPiiReencryptionCli({ context: 'services', ormConfig: servicesOrmConfig, columns: SERVICES_PII_COLUMNS });
