import type { EntitySchema } from '@mikro-orm/core';
import { NotificationsParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { NotificationsRequestSchema } from './requests/infrastructure/request.schema.js';

/** Every MikroORM entity of the notifications context (the platform adds the outbox, inbox and timer tables). */
export const notificationsEntities: EntitySchema[] = [NotificationsRequestSchema, NotificationsParticipantSchema];
