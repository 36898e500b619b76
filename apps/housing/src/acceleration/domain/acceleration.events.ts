import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';

interface PlaceFacts {
  readonly caseId: string;
  readonly enrolmentId: string;
  readonly unitId: string;
  readonly buildingId: string;
  readonly bed: string;
  readonly townKatoCode: string;
  /** The person's portal subject (token `sub`), for notifications' person inbox (ADR 0116); never the IIN (F-42). */
  readonly personSubject: string;
}

export interface OfferMade extends DomainEvent, PlaceFacts {
  readonly name: 'OfferMade';
  readonly acceptBy: IsoDate;
}
export interface OfferEnded extends DomainEvent, PlaceFacts {
  readonly name: 'OfferEnded';
  readonly outcome: 'declined' | 'lapsed' | 'cancelled';
}
export interface ContractConcluded extends DomainEvent, PlaceFacts {
  readonly name: 'ContractConcluded';
  readonly contractNumber: string;
  readonly startsOn: IsoDate;
  readonly contractEndsOn: IsoDate;
}
export interface ActSigned extends DomainEvent, PlaceFacts {
  readonly name: 'ActSigned';
  readonly kind: 'check-in' | 'acceptance-transfer';
  readonly signedOn: IsoDate;
  readonly inventoryMissing: number;
  readonly damagesTiyn: number;
  /** ADR 0110: the scan of the signed act (the Fund's dwelling-act document), if the act names one. */
  readonly documentIds: readonly string[];
}
export interface VacateDeadlineStarted extends DomainEvent, PlaceFacts {
  readonly name: 'VacateDeadlineStarted';
  readonly vacateBy: IsoDate;
  readonly reason: VacateReason;
}
export interface VacateBecameOverdue extends DomainEvent, PlaceFacts {
  readonly name: 'VacateBecameOverdue';
  readonly vacateBy: IsoDate;
  readonly reason: VacateReason;
}
export interface PlaceReleased extends DomainEvent, PlaceFacts {
  readonly name: 'PlaceReleased';
  readonly releasedOn: IsoDate;
  readonly reason: VacateReason;
}
export type VacateReason = 'expulsion' | 'completion';

export type AllocationEvent = OfferMade | OfferEnded | ContractConcluded | ActSigned | VacateDeadlineStarted | VacateBecameOverdue | PlaceReleased;

const NAMES: ReadonlySet<string> = new Set<AllocationEvent['name']>([
  'OfferMade',
  'OfferEnded',
  'ContractConcluded',
  'ActSigned',
  'VacateDeadlineStarted',
  'VacateBecameOverdue',
  'PlaceReleased',
]);
export const isAllocationEvent = (e: DomainEvent): e is AllocationEvent => NAMES.has(e.name);

export interface CaseEvent extends DomainEvent {
  readonly name: 'HousingRequested' | 'CaseStatusChanged';
  readonly status: string;
}
export interface EnrolmentEvent extends DomainEvent {
  readonly name: 'EnrolmentRecorded' | 'EnrolmentEnded';
  readonly status: string;
}
