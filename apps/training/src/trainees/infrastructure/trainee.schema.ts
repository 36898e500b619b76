import { defineEntity } from '@mikro-orm/core';
import { PiiAccess, Trainee } from '../domain/trainee.js';

const p = defineEntity.properties;

/** F-76: trainees — IIN and name encrypted, the IIN's blind index unique per intake (a database constraint). */
export const TraineeSchema = defineEntity({
  class: Trainee,
  className: 'Trainee',
  tableName: 'training_trainee',
  properties: {
    id: p.uuid().primary(),
    intakeId: p.uuid(),
    applicationId: p.uuid(),
    iinIndex: p.string().length(64),
    iinCipher: p.text(),
    nameCipher: p.text(),
    listedAt: p.datetime().columnType('timestamptz'),
  },
});

/** F-42: every read of trainees' personal data. */
export const PiiAccessSchema = defineEntity({
  class: PiiAccess,
  className: 'PiiAccess',
  tableName: 'training_pii_access_log',
  properties: {
    id: p.uuid().primary(),
    actorSubject: p.string().length(200),
    actorRoles: p.json<string[]>(),
    applicationId: p.uuid(),
    what: p.string().length(500),
    correlationId: p.string().length(200).nullable(),
    accessedAt: p.datetime().columnType('timestamptz'),
  },
});
