/**
 * F-42 key rotation for notifications (ADR 0022, ADR 0133; docs/runbooks/pii-key-rotation.md): re-encrypts
 * every sealed address, mailbox, person's e-mail and application filer (`SEALED_COLUMNS`) whose key is not the
 * active one. Steps: add the new key to HUB_PII_KEYS and make it HUB_PII_ACTIVE_KEY (new writes use it at
 * once), deploy, run this command, then remove the old key from the ring when it reports 0.
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 */
import { runPiiReencryptionCli } from '@hub/pii/reencryption';
import { notificationsOrmConfig } from '../mikro-orm.config.js';
import { SEALED_COLUMNS } from '../messages/domain/sealed-columns.js';

process.exitCode = await runPiiReencryptionCli({ context: 'notifications', ormConfig: notificationsOrmConfig, columns: SEALED_COLUMNS });
