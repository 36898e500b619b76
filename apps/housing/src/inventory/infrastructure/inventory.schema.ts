import { defineEntity } from '@mikro-orm/core';
import { Building } from '../domain/building.aggregate.js';
import { HousingUnit, type InventoryItem, type Meter, type OutOfService, type PremisesKind, type Room } from '../domain/housing-unit.aggregate.js';
import type { UnitKind } from '../domain/inventory.events.js';

const p = defineEntity.properties;

/** housing_building (ADR 0035 §1): the town as its KATO code and name. */
export const BuildingSchema = defineEntity({
  class: Building,
  className: 'Building',
  tableName: 'housing_building',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(300),
    address: p.string().length(500),
    townKatoCode: p.string().length(9),
    townName: p.string().length(200),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** housing_unit: rooms/beds, inventory, meters and out-of-service periods as jsonb; the area as numeric(9,2) read as a string (never a float). */
export const HousingUnitSchema = defineEntity({
  class: HousingUnit,
  className: 'HousingUnit',
  tableName: 'housing_unit',
  properties: {
    id: p.uuid().primary(),
    buildingId: p.uuid(),
    townKatoCode: p.string().length(9),
    code: p.string().length(50),
    kind: p.string().length(20).$type<UnitKind>(),
    premisesKind: p.string().length(20).$type<PremisesKind>().nullable(),
    areaM2: p.decimal('string').precision(9).scale(2).nullable(),
    rooms: p.json<readonly Room[]>(),
    inventory: p.json<readonly InventoryItem[]>(),
    meters: p.json<readonly Meter[]>(),
    outOfService: p.json<readonly OutOfService[]>(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
