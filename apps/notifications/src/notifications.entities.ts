import type { EntitySchema } from '@mikro-orm/core';
import { NoticeSchema, RecipientSettingsSchema } from './notices/infrastructure/notice.schema.js';
import { NotificationsParticipantSchema } from './participants/infrastructure/participant.schema.js';

/** Every MikroORM entity of the notifications context (the platform adds the outbox, inbox and timer tables). */
export const notificationsEntities: EntitySchema[] = [NoticeSchema, RecipientSettingsSchema, NotificationsParticipantSchema];
