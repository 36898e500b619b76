import type { EntitySchema } from '@mikro-orm/core';
import { knownDocumentSchema, knownOfficeDocumentSchema } from '@hub/nest-commons';
import { ClustersParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { CommissionVoteSchema, SelectionApplicationSchema, SelectionRoundSchema } from './selection/infrastructure/selection.schema.js';

/** Every MikroORM entity of the clusters context (the platform adds the outbox, inbox and timer tables). */
export const clustersEntities: EntitySchema[] = [
  SelectionRoundSchema,
  SelectionApplicationSchema,
  CommissionVoteSchema,
  ClustersParticipantSchema,
  // Issue #10: the local copy of the documents verified in the documents context.
  knownDocumentSchema('clusters_document'),
  // ADR 0113: …and of the offices' documents (the organiser's, the institute's, the Commission's: C-2).
  knownOfficeDocumentSchema('clusters_office_document'),
];
