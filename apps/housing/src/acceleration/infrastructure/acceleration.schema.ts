import type { IsoDate } from '@hub/calendar';
import { defineEntity } from '@mikro-orm/core';
import type { VacateReason } from '../domain/acceleration.events.js';
import { type Act, Allocation, type AllocationStatus } from '../domain/allocation.aggregate.js';
import { Enrolment, type EnrolmentStatus } from '../domain/enrolment.aggregate.js';
import { type CaseStatus, HousingCase } from '../domain/housing-case.aggregate.js';
import type { NoHousingDeclaration } from '../domain/rules/f59-eligibility.rule.js';

const p = defineEntity.properties;

/** housing_enrolment: services' enrolments; the IIN only as a blind index (F-42). */
export const EnrolmentSchema = defineEntity({
  class: Enrolment,
  className: 'Enrolment',
  tableName: 'housing_enrolment',
  properties: {
    enrolmentId: p.uuid().primary(),
    cohortId: p.uuid(),
    iinIndex: p.string().length(64).nullable(),
    townKatoCode: p.string().length(9),
    townName: p.string().length(200),
    cohortStartsOn: p.date().$type<IsoDate>(),
    cohortEndsOn: p.date().$type<IsoDate>(),
    enrolledOn: p.date().$type<IsoDate>(),
    status: p.string().length(20).$type<EnrolmentStatus>(),
    leftOn: p.date().$type<IsoDate>().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** housing_case: a person's request (F-59); IIN and contacts encrypted (F-42). One live case per enrolment (partial unique index). */
export const HousingCaseSchema = defineEntity({
  class: HousingCase,
  className: 'HousingCase',
  tableName: 'housing_case',
  properties: {
    id: p.uuid().primary(),
    enrolmentId: p.uuid(),
    personSubject: p.string().length(200),
    iinCipher: p.text(),
    contactsCipher: p.text(),
    townKatoCode: p.string().length(9),
    enrolledOn: p.date().$type<IsoDate>(),
    cohortStartsOn: p.date().$type<IsoDate>(),
    cohortEndsOn: p.date().$type<IsoDate>(),
    declaration: p.json<NoHousingDeclaration>(),
    status: p.string().length(20).$type<CaseStatus>(),
    personalDataPurgedOn: p.date().$type<IsoDate>().nullable(),
    requestedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** housing_allocation: the exclusion constraint (migration) keeps one holding row per (unit, bed, period). */
export const AllocationSchema = defineEntity({
  class: Allocation,
  className: 'Allocation',
  tableName: 'housing_allocation',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid(),
    enrolmentId: p.uuid(),
    personSubject: p.string().length(200),
    unitId: p.uuid(),
    buildingId: p.uuid(),
    townKatoCode: p.string().length(9),
    bed: p.string().length(100),
    status: p.string().length(20).$type<AllocationStatus>(),
    startsOn: p.date().$type<IsoDate>(),
    releasedOn: p.date().$type<IsoDate>().nullable(),
    offeredAt: p.datetime().columnType('timestamptz'),
    acceptBy: p.date().$type<IsoDate>(),
    contractNumber: p.string().length(40).nullable(),
    contractDuty: p.text().nullable(),
    contractEndsOn: p.date().$type<IsoDate>().nullable(),
    checkInAct: p.json<Act>().nullable(),
    vacateReason: p.string().length(20).$type<VacateReason>().nullable(),
    vacateBy: p.date().$type<IsoDate>().nullable(),
    vacateOverdue: p.boolean(),
    handoverAct: p.json<Act>().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** One read of a resident's personal data (F-42): who, whose, when, with which correlation id. */
export class PiiAccessLogEntry {
  readonly id!: string;
  readonly actorSubject!: string;
  readonly actorRoles!: readonly string[];
  readonly caseId!: string;
  /** What was done, when not a read (ADR 0124: the deletion at the end of the F-42 retention); null for a read. */
  readonly what!: string | null;
  readonly correlationId!: string | null;
  readonly accessedAt!: Date;
  static of(v: Omit<PiiAccessLogEntry, 'what'> & { what?: string | null }): PiiAccessLogEntry {
    return Object.assign(new PiiAccessLogEntry(), { what: null, ...v });
  }
}

export const PiiAccessLogSchema = defineEntity({
  class: PiiAccessLogEntry,
  className: 'HousingPiiAccessLogEntry',
  tableName: 'housing_pii_access_log',
  properties: {
    id: p.uuid().primary(),
    actorSubject: p.string().length(200),
    actorRoles: p.json<readonly string[]>(),
    caseId: p.uuid(),
    what: p.string().length(500).nullable(),
    correlationId: p.string().length(200).nullable(),
    accessedAt: p.datetime().columnType('timestamptz'),
  },
});
