import type { EntitySchema } from '@mikro-orm/core';
import { ClustersParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { SelectionApplicationSchema, SelectionRoundSchema } from './selection/infrastructure/selection.schema.js';

/** Every MikroORM entity of the clusters context (the platform adds the outbox, inbox and timer tables). */
export const clustersEntities: EntitySchema[] = [SelectionRoundSchema, SelectionApplicationSchema, ClustersParticipantSchema];
