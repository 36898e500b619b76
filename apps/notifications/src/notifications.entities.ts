import type { EntitySchema } from '@mikro-orm/core';
import { ApplicationContactSchema, MessageSchema, PersonContactSchema, RecipientPreferenceSchema } from './messages/infrastructure/message.schema.js';

/** Every MikroORM entity of the notifications context (the platform adds the outbox, inbox and timer tables). */
export const notificationsEntities: EntitySchema[] = [
  MessageSchema,
  RecipientPreferenceSchema,
  PersonContactSchema,
  ApplicationContactSchema,
] as EntitySchema[];
