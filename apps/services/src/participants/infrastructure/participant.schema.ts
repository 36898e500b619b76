import { defineEntity } from '@mikro-orm/core';
import { ServicesParticipation } from '../domain/participant.aggregate.js';

const p = defineEntity.properties;

/** services_participation: participation's facts as services needs them (ADR 0062). */
export const ServicesParticipationSchema = defineEntity({
  class: ServicesParticipation,
  className: 'ServicesParticipation',
  tableName: 'services_participation',
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
