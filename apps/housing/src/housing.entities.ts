import type { EntitySchema } from '@mikro-orm/core';
import { HousingParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { HousingRequestSchema } from './requests/infrastructure/request.schema.js';

/** Every MikroORM entity of the housing context (the platform adds the outbox, inbox and timer tables). */
export const housingEntities: EntitySchema[] = [HousingRequestSchema, HousingParticipantSchema];
