import type { EntitySchema } from '@mikro-orm/core';
import { ServicesParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { ServicesRequestSchema } from './requests/infrastructure/request.schema.js';

/** Every MikroORM entity of the services context (the platform adds the outbox, inbox and timer tables). */
export const servicesEntities: EntitySchema[] = [ServicesRequestSchema, ServicesParticipantSchema];
