import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

/** Inventory facts (internal: no other context needs them yet). */
export interface BuildingRegistered extends DomainEvent {
  readonly name: 'BuildingRegistered';
  readonly townKatoCode: string;
}
export interface UnitRegistered extends DomainEvent {
  readonly name: 'UnitRegistered';
  readonly buildingId: string;
  readonly kind: UnitKind;
}
export interface UnitTakenOutOfService extends DomainEvent {
  readonly name: 'UnitTakenOutOfService';
  readonly from: IsoDate;
  readonly to: IsoDate;
}
export type UnitKind = 'dwelling' | 'premises';
export type InventoryEvent = BuildingRegistered | UnitRegistered | UnitTakenOutOfService;
