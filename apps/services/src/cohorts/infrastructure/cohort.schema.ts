import { defineEntity } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import { Cohort } from '../domain/cohort.aggregate.js';
import type { EnrolmentStatus, ExpulsionGround, Town } from '../domain/cohort.types.js';
import { CohortEnrolment } from '../domain/enrolment.aggregate.js';
import { PiiAccess } from '../domain/pii-access.js';

const p = defineEntity.properties;

/** services_cohort (F-44): the town as jsonb {katoCode, name}; capacity checked under a row lock (ADR 0064). */
export const CohortSchema = defineEntity({
  class: Cohort,
  className: 'Cohort',
  tableName: 'services_cohort',
  properties: {
    id: p.uuid().primary(),
    serviceId: p.uuid(),
    title: p.string().length(300),
    town: p.json<Town>(),
    startsOn: p.date().$type<IsoDate>(),
    endsOn: p.date().$type<IsoDate>(),
    capacity: p.integer(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

/** services_cohort_enrolment (F-44): one per (cohort, person) — a unique index on the IIN's blind index; the IIN encrypted (F-42, ADR 0068). */
export const CohortEnrolmentSchema = defineEntity({
  class: CohortEnrolment,
  className: 'CohortEnrolment',
  tableName: 'services_cohort_enrolment',
  properties: {
    id: p.uuid().primary(),
    cohortId: p.uuid(),
    serviceId: p.uuid(),
    applicationId: p.uuid(),
    contractId: p.uuid(),
    recipientKind: p.string().length(20).$type<'legal-entity' | 'individual'>(),
    recipientId: p.string().length(36),
    personIinIndex: p.string().length(64),
    personIinCipher: p.text(),
    status: p.string().length(20).$type<EnrolmentStatus>(),
    enrolledOn: p.date().$type<IsoDate>(),
    endedOn: p.date().$type<IsoDate>().nullable(),
    expulsionGround: p.string().length(40).$type<ExpulsionGround>().nullable(),
    expulsionReasons: p.text().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** services_pii_access_log (F-42, ADR 0068): every read of cohort members' IINs. */
export const PiiAccessSchema = defineEntity({
  class: PiiAccess,
  className: 'PiiAccess',
  tableName: 'services_pii_access_log',
  properties: {
    id: p.uuid().primary(),
    actorSubject: p.string().length(200),
    actorRoles: p.json<string[]>(),
    cohortId: p.uuid(),
    what: p.string().length(500),
    correlationId: p.string().length(200).nullable(),
    accessedAt: p.datetime().columnType('timestamptz'),
  },
});
