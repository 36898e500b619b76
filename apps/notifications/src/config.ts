import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Notifications' configuration: the platform's base variables (nest-commons) plus the e-mail channel. */
export const notificationsConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3108),
  /** The SMTP server, e.g. `smtp://127.0.0.1:1025` (the dev sink) or `smtps://user:pass@mail…:465`; unset: the portal inbox only. */
  HUB_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  HUB_MAIL_FROM: z.string().min(3).default('Astana Hub <no-reply@astanahub.kz>'),
});
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
