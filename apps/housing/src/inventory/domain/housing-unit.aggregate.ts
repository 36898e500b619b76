import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { InventoryEvent, UnitKind } from './inventory.events.js';

export type PremisesKind = 'administrative' | 'production' | 'auxiliary';
export interface Room {
  readonly code: string;
  readonly beds: readonly string[];
}
export interface InventoryItem {
  readonly item: string;
  readonly quantity: number;
}
export interface Meter {
  readonly code: string;
  readonly kind: 'electricity' | 'cold-water' | 'hot-water' | 'gas' | 'heat';
}
export interface OutOfService {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly reason: string;
}

/** Area in m² as an exact decimal string (never a float): up to 7 integer digits and 2 decimals. */
export const AREA_PATTERN = /^\d{1,7}(\.\d{1,2})?$/;

/**
 * A unit of a building: a dwelling (rooms with beds, furniture and equipment inventory, meters) for
 * people in acceleration (F-59), or administrative, production or auxiliary premises for
 * participants (F-57, F-58). Occupancy over time is in the allocations (a database exclusion
 * constraint keeps a bed from being booked twice); this aggregate holds what the unit is and when
 * it is out of service.
 */
export class HousingUnit extends AggregateRoot<InventoryEvent> {
  readonly id!: string;
  readonly buildingId!: string;
  readonly townKatoCode!: string;
  readonly code!: string;
  readonly kind!: UnitKind;
  readonly premisesKind!: PremisesKind | null;
  readonly areaM2!: string | null;
  readonly rooms!: readonly Room[];
  readonly inventory!: readonly InventoryItem[];
  readonly meters!: readonly Meter[];
  readonly outOfService!: readonly OutOfService[];
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<HousingUnit> {
    return this;
  }

  static register(input: {
    id: string;
    buildingId: string;
    townKatoCode: string;
    code: string;
    kind: UnitKind;
    premisesKind?: PremisesKind | null;
    areaM2?: string | null;
    rooms?: readonly Room[];
    inventory?: readonly InventoryItem[];
    meters?: readonly Meter[];
    at: Date;
  }): HousingUnit {
    const area = input.areaM2 ?? null;
    if (area !== null && (!AREA_PATTERN.test(area) || Number(area) === 0)) throw ValidationError.field('areaM2', 'a positive area in m², e.g. "42" or "42.50"');
    const rooms = input.rooms ?? [];
    if (input.kind === 'dwelling') {
      if (rooms.length === 0 || rooms.some((r) => r.beds.length === 0))
        throw ValidationError.field('rooms', 'a dwelling has at least one room, each with at least one bed');
      const beds = rooms.flatMap((r) => r.beds.map((b) => `${r.code}/${b}`));
      if (new Set(beds).size !== beds.length || new Set(rooms.map((r) => r.code)).size !== rooms.length)
        throw ValidationError.field('rooms', 'room codes and bed codes within a room are unique');
    } else {
      if (!input.premisesKind) throw ValidationError.field('premisesKind', 'premises are administrative, production or auxiliary (F-57)');
      if (area === null) throw ValidationError.field('areaM2', 'premises have an area in m²');
    }
    const u = new HousingUnit();
    Object.assign(u, {
      id: input.id,
      buildingId: input.buildingId,
      townKatoCode: input.townKatoCode,
      code: input.code.trim(),
      kind: input.kind,
      premisesKind: input.kind === 'premises' ? (input.premisesKind ?? null) : null,
      areaM2: area,
      rooms: input.kind === 'dwelling' ? rooms : [],
      inventory: input.inventory ?? [],
      meters: input.meters ?? [],
      outOfService: [],
      createdAt: input.at,
      updatedAt: input.at,
    });
    u.record({ name: 'UnitRegistered', aggregateId: input.id, occurredAt: input.at, buildingId: input.buildingId, kind: input.kind });
    return u;
  }

  /** Every bed of a dwelling as `<room>/<bed>`; premises are let whole (one place, `*`). */
  places(): string[] {
    return this.kind === 'dwelling' ? this.rooms.flatMap((r) => r.beds.map((b) => `${r.code}/${b}`)) : ['*'];
  }

  isInServiceOn(date: IsoDate): boolean {
    return !this.outOfService.some((p) => p.from <= date && date <= p.to);
  }

  takeOutOfService(period: OutOfService, at: Date): void {
    if (period.to < period.from) throw ValidationError.field('to', `the period ends (${period.to}) before it starts (${period.from})`);
    if (this.outOfService.some((p) => p.from <= period.to && period.from <= p.to))
      throw ValidationError.field('from', 'the unit is already out of service in part of this period');
    this.m.outOfService = [...this.outOfService, period].sort((a, b) => (a.from < b.from ? -1 : 1));
    this.m.updatedAt = at;
    this.record({ name: 'UnitTakenOutOfService', aggregateId: this.id, occurredAt: at, from: period.from, to: period.to });
  }
}
