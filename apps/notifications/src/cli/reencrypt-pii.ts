/**
 * F-42 key rotation for notifications (ADR 0022, ADR 0133; docs/runbooks/pii-key-rotation.md): re-encrypts
 * every sealed address, mailbox, person's e-mail and application filer whose key is not the active one.
 * Steps: add the new key to HUB_PII_KEYS and make it HUB_PII_ACTIVE_KEY (new writes use it at once), deploy,
 * run this command, then remove the old key from the ring when it reports 0.
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { checkPiiConfig, piiCipherFrom, piiConfigShape } from '@hub/pii';
import { notificationsOrmConfig } from '../mikro-orm.config.js';
import { reencryptNotificationsPii } from '../messages/infrastructure/pii-reencryption.js';

const env = z
  .object({ DATABASE_URL: z.string().min(1), ...piiConfigShape })
  .superRefine(checkPiiConfig)
  .safeParse(process.env);
if (!env.success) {
  process.stderr.write(`invalid configuration: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  process.exit(78);
}
const orm = await MikroORM.init(notificationsOrmConfig(env.data.DATABASE_URL));
try {
  const moved = await reencryptNotificationsPii(orm.em.fork(), piiCipherFrom(env.data));
  process.stdout.write(`notifications: ${moved} personal-data value(s) re-encrypted with key ${env.data.HUB_PII_ACTIVE_KEY}\n`);
} finally {
  await orm.close();
}
