import type { EntitySchema } from '@mikro-orm/core';
import { knownDocumentSchema } from '@hub/nest-commons';
import { PiiAccessSchema, TraineeSchema } from './trainees/infrastructure/trainee.schema.js';
import { CommissionDecisionSchema, CommissionMemberSchema, CommissionVoteSchema } from './commission/infrastructure/commission.schema.js';
import { TrainingParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { TrainingParticipationSchema } from './participants/infrastructure/participation.schema.js';
import { CompletenessReviewSchema, IntakeSchema, NoticeSchema, ProviderApplicationSchema } from './intakes/infrastructure/intake.schema.js';

/** Every MikroORM entity of the training context (the platform adds the outbox, inbox and timer tables). */
export const trainingEntities: EntitySchema[] = [
  IntakeSchema,
  ProviderApplicationSchema,
  CompletenessReviewSchema,
  NoticeSchema,
  CommissionMemberSchema,
  CommissionVoteSchema,
  CommissionDecisionSchema,
  TraineeSchema,
  PiiAccessSchema,
  TrainingParticipantSchema,
  TrainingParticipationSchema,
  // Issue #10: the local copy of the documents verified in the documents context.
  knownDocumentSchema('training_document'),
];
