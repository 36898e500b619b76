import { defineEntity } from '@mikro-orm/core';
import { TrainingParticipation } from '../domain/participation.aggregate.js';

const p = defineEntity.properties;

/** training_participation: participation's facts as training needs them (ADR 0062, F-77). */
export const TrainingParticipationSchema = defineEntity({
  class: TrainingParticipation,
  className: 'TrainingParticipation',
  tableName: 'training_participation',
  properties: {
    participationId: p.uuid().primary(),
    participantId: p.uuid(),
    bin: p.string().length(12),
    termStart: p.date(),
    termEnd: p.date(),
    endedOn: p.date().nullable(),
    endGround: p.string().length(60).nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
