import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Notifications's configuration: the platform's base variables (nest-commons) plus its own (prefix `NOTIFICATIONS_`). */
export const notificationsConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3108),
});
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
