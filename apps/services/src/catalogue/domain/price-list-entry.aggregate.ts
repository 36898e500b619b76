import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { CatalogueEvent } from './catalogue.events.js';

/**
 * F-56: one effective-dated line of the Fund's price list (its internal document) for a service:
 * the participant price and the non-participant price in integer tiyn (ADR 0036), where the Fund
 * sets them. Entries are never changed: a new price is a new entry with a later effectiveFrom, and
 * a signed contract keeps the entry it was priced from.
 */
export class PriceListEntry extends AggregateRoot<CatalogueEvent> {
  readonly id!: string;
  readonly serviceId!: string;
  readonly effectiveFrom!: IsoDate;
  readonly participantPriceTiyn!: number | null;
  readonly nonParticipantPriceTiyn!: number | null;
  /** The Fund's internal document that set the price (number and date). */
  readonly documentRef!: string;
  readonly createdAt!: Date;

  static add(input: {
    id: string;
    serviceId: string;
    effectiveFrom: IsoDate;
    participantPriceTiyn: number | null;
    nonParticipantPriceTiyn: number | null;
    documentRef: string;
    at: Date;
  }): PriceListEntry {
    for (const key of ['participantPriceTiyn', 'nonParticipantPriceTiyn'] as const) {
      const v = input[key];
      if (v !== null && (!Number.isSafeInteger(v) || v < 0)) throw ValidationError.field(key, 'an amount is a non-negative integer number of tiyn (ADR 0036)');
    }
    if (input.participantPriceTiyn === null && input.nonParticipantPriceTiyn === null) {
      throw ValidationError.field('nonParticipantPriceTiyn', 'a price-list entry sets at least one price');
    }
    const e = new PriceListEntry();
    Object.assign(e, { ...input, documentRef: input.documentRef.trim(), createdAt: input.at });
    e.record({ name: 'PriceListEntryAdded', aggregateId: input.id, occurredAt: input.at, serviceId: input.serviceId, effectiveFrom: input.effectiveFrom });
    return e;
  }
}
