import type { Building } from '../../domain/building.aggregate.js';
import type { HousingUnit } from '../../domain/housing-unit.aggregate.js';

/** Port (ADR 0035 §4): buildings and units, inside a unit of work. */
export abstract class InventoryRepository {
  /** The building, or NotFoundError (404). */
  abstract building(id: string): Promise<Building>;
  /** The unit, or NotFoundError (404). */
  abstract unit(id: string): Promise<HousingUnit>;
  /** Every dwelling of the town, by building and code. */
  abstract dwellingsIn(townKatoCode: string): Promise<HousingUnit[]>;
  abstract addBuilding(b: Building): void;
  abstract addUnit(u: HousingUnit): void;
}

export interface BuildingView {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly town: { readonly katoCode: string; readonly name: string };
}
export interface UnitView {
  readonly id: string;
  readonly buildingId: string;
  readonly townKatoCode: string;
  readonly code: string;
  readonly kind: 'dwelling' | 'premises';
  readonly premisesKind: string | null;
  readonly areaM2: string | null;
  readonly rooms: readonly { code: string; beds: readonly string[] }[];
  readonly inventory: readonly { item: string; quantity: number }[];
  readonly meters: readonly { code: string; kind: string }[];
  readonly outOfService: readonly { from: string; to: string; reason: string }[];
}

/** Port: reads (no unit of work). */
export abstract class InventoryReadModel {
  abstract buildings(filter: { townKatoCode?: string }): Promise<BuildingView[]>;
  abstract units(filter: { buildingId?: string; townKatoCode?: string; kind?: 'dwelling' | 'premises' }): Promise<UnitView[]>;
  abstract unit(id: string): Promise<UnitView | null>;
}
