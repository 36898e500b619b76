import { defineEntity } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';
import { Cohort, Enrolment, type EnrolmentStatus, type ExpulsionGround } from '../domain/cohort.aggregate.js';
import type { Town } from '../domain/cohort.events.js';

const p = defineEntity.properties;

/** services_cohort: acceleration cohorts (F-44); `enrolled_count <= capacity` is a CHECK in the migration. */
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
    enrolledCount: p.integer(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

/** services_cohort_enrolment: one person's place (F-44, F-55); unique per (cohort, application) and per live (cohort, person). */
export const EnrolmentSchema = defineEntity({
  class: Enrolment,
  className: 'Enrolment',
  tableName: 'services_cohort_enrolment',
  properties: {
    id: p.uuid().primary(),
    cohortId: p.uuid(),
    serviceId: p.uuid(),
    applicationId: p.uuid(),
    contractId: p.uuid(),
    recipientKind: p.string().length(20).$type<RecipientKind>(),
    recipientId: p.string().length(12),
    personIin: p.string().length(12),
    status: p.string().length(20).$type<EnrolmentStatus>(),
    enrolledOn: p.date().$type<IsoDate>(),
    leftOn: p.date().$type<IsoDate>().nullable(),
    expulsionGround: p.string().length(40).$type<ExpulsionGround>().nullable(),
    expulsionReasons: p.text().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
