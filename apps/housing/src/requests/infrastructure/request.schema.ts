import { defineEntity } from '@mikro-orm/core';
import { HousingRequest, type RequestStatus } from '../domain/request.aggregate.js';

const p = defineEntity.properties;

/**
 * The request's table, mapping the domain class (ADR 0035 §1): civil dates (Asia/Almaty) are `date`
 * columns read as 'YYYY-MM-DD' strings, instants `timestamptz`; the optimistic-lock `version` makes
 * two people acting on one request at once a 409 (the unit of work), never a lost update.
 * A change here needs a migration: `pnpm --filter @hub/housing run build && DATABASE_URL=… node dist/cli/migrate.js create <name>`.
 */
export const HousingRequestSchema = defineEntity({
  class: HousingRequest,
  className: 'HousingRequest',
  tableName: 'housing_request',
  properties: {
    id: p.uuid().primary(),
    bin: p.string().length(12),
    subject: p.string().length(500),
    status: p.string().length(20).$type<RequestStatus>(),
    openedAt: p.datetime().columnType('timestamptz'),
    reviewDueOn: p.date(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
