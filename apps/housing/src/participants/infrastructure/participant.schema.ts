import { defineEntity } from '@mikro-orm/core';
import { HousingParticipant } from '../domain/participant.aggregate.js';

const p = defineEntity.properties;

/** The participant's table, mapping the domain class (ADR 0035 §1); keyed by registration's participant id. */
export const HousingParticipantSchema = defineEntity({
  class: HousingParticipant,
  className: 'HousingParticipant',
  tableName: 'housing_participant',
  properties: {
    participantId: p.uuid().primary(),
    bin: p.string().length(12),
    companyName: p.string().length(500),
    termStart: p.date(),
    termEnd: p.date(),
    endedOn: p.date().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
