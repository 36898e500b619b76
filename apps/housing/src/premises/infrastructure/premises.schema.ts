import type { IsoDate } from '@hub/calendar';
import { defineEntity } from '@mikro-orm/core';
import type { Act } from '../../acceleration/domain/allocation.aggregate.js';
import type { PremisesKind } from '../../inventory/domain/housing-unit.aggregate.js';
import { type LeaseStatus, PremisesLease, type ReleaseReason } from '../domain/premises-lease.aggregate.js';

const p = defineEntity.properties;

/** housing_premises_lease: an exclusion constraint (migration) keeps one lease per unit over any day of [starts_on, ends_on]. */
export const PremisesLeaseSchema = defineEntity({
  class: PremisesLease,
  className: 'PremisesLease',
  tableName: 'housing_premises_lease',
  properties: {
    id: p.uuid().primary(),
    participantId: p.uuid(),
    bin: p.string().length(12),
    premisesKind: p.string().length(20).$type<PremisesKind>(),
    unitId: p.uuid().nullable(),
    status: p.string().length(20).$type<LeaseStatus>(),
    startsOn: p.date().$type<IsoDate>(),
    endsOn: p.date().$type<IsoDate>(),
    releaseReason: p.string().length(30).$type<ReleaseReason>().nullable(),
    handBackBy: p.date().$type<IsoDate>().nullable(),
    handBackOverdue: p.boolean(),
    handoverAct: p.json<Act>().nullable(),
    requestedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
