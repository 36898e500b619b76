import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ForbiddenError, IllegalStateError, ValidationError } from '@hub/kernel';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { AllocationEvent, VacateReason } from './acceleration.events.js';
import { concludeHousingContract } from './rules/f60-housing-contract.rule.js';

/**
 * offered → contracted (F-60 contract) → occupied (check-in act) → vacating (F-61 deadline running)
 * → released (acceptance-transfer act). An offer ends declined, lapsed or cancelled. The statuses
 * offered … vacating hold the bed: a PostgreSQL exclusion constraint over (unit, bed, daterange)
 * refuses a second such row for an overlapping period — also under concurrent requests.
 */
export type AllocationStatus = 'offered' | 'contracted' | 'occupied' | 'vacating' | 'released' | 'declined' | 'lapsed' | 'cancelled';
export const HOLDING_STATUSES: readonly AllocationStatus[] = ['offered', 'contracted', 'occupied', 'vacating'];

export interface InventoryCheck {
  readonly item: string;
  readonly expected: number;
  readonly found: number;
}
export interface MeterReading {
  readonly meter: string;
  /** Exact decimal string, never a float. */
  readonly reading: string;
}
export interface Damage {
  readonly description: string;
  readonly amountTiyn: number;
}
export interface Act {
  readonly kind: 'check-in' | 'acceptance-transfer';
  readonly signedOn: IsoDate;
  readonly signedBy: string;
  readonly condition: string;
  readonly inventory: readonly InventoryCheck[];
  readonly meterReadings: readonly MeterReading[];
  readonly damages: readonly Damage[];
  /** ADR 0053, ADR 0110: the scan of the signed act, a verified document of the documents context (premises: the participant's handover-act; a dwelling: the Fund's dwelling-act). */
  readonly documentId?: string | null;
}

export class Allocation extends AggregateRoot<AllocationEvent> {
  readonly id!: string;
  readonly caseId!: string;
  readonly enrolmentId!: string;
  readonly personSubject!: string;
  readonly unitId!: string;
  readonly buildingId!: string;
  readonly townKatoCode!: string;
  readonly bed!: string;
  readonly status!: AllocationStatus;
  /** The period the bed is held: [startsOn, releasedOn) — open while releasedOn is null. */
  readonly startsOn!: IsoDate;
  readonly releasedOn!: IsoDate | null;
  readonly offeredAt!: Date;
  readonly acceptBy!: IsoDate;
  readonly contractNumber!: string | null;
  readonly contractDuty!: string | null;
  readonly contractEndsOn!: IsoDate | null;
  readonly checkInAct!: Act | null;
  readonly vacateReason!: VacateReason | null;
  readonly vacateBy!: IsoDate | null;
  readonly vacateOverdue!: boolean;
  readonly handoverAct!: Act | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<Allocation> {
    return this;
  }

  private get place() {
    return {
      caseId: this.caseId,
      enrolmentId: this.enrolmentId,
      unitId: this.unitId,
      buildingId: this.buildingId,
      bed: this.bed,
      townKatoCode: this.townKatoCode,
      personSubject: this.personSubject,
    };
  }

  static offer(input: {
    id: string;
    caseId: string;
    enrolmentId: string;
    personSubject: string;
    unitId: string;
    buildingId: string;
    townKatoCode: string;
    bed: string;
    startsOn: IsoDate;
    acceptBy: IsoDate;
    at: Date;
  }): Allocation {
    const a = new Allocation();
    Object.assign(a, {
      id: input.id,
      caseId: input.caseId,
      enrolmentId: input.enrolmentId,
      personSubject: input.personSubject,
      unitId: input.unitId,
      buildingId: input.buildingId,
      townKatoCode: input.townKatoCode,
      bed: input.bed,
      status: 'offered',
      startsOn: input.startsOn,
      releasedOn: null,
      offeredAt: input.at,
      acceptBy: input.acceptBy,
      contractNumber: null,
      contractDuty: null,
      contractEndsOn: null,
      checkInAct: null,
      vacateReason: null,
      vacateBy: null,
      vacateOverdue: false,
      handoverAct: null,
      updatedAt: input.at,
    });
    a.record({ name: 'OfferMade', aggregateId: a.id, occurredAt: input.at, ...a.place, acceptBy: input.acceptBy });
    return a;
  }

  /** The person accepts by the deadline: the housing contract is concluded (F-60). */
  accept(input: { personSubject: string; acceptsDuties: boolean; today: IsoDate; cohortEndsOn: IsoDate; at: Date }): void {
    if (input.personSubject !== this.personSubject) throw new ForbiddenError('only the person offered the bed accepts it');
    this.require(['offered'], 'accept');
    if (input.today > this.acceptBy) throw new IllegalStateError('offer', 'lapsed', 'accept', `the offer had to be accepted by ${this.acceptBy}`);
    const contract = concludeHousingContract({ acceptsDuties: input.acceptsDuties, startsOn: this.startsOn, cohortEndsOn: input.cohortEndsOn });
    this.m.status = 'contracted';
    this.m.contractNumber = `HC-${this.id.slice(-12).toUpperCase()}`;
    this.m.contractDuty = contract.duty;
    this.m.contractEndsOn = contract.endsOn;
    this.m.updatedAt = input.at;
    this.record({
      name: 'ContractConcluded',
      aggregateId: this.id,
      occurredAt: input.at,
      ...this.place,
      contractNumber: this.contractNumber!,
      startsOn: this.startsOn,
      contractEndsOn: contract.endsOn,
    });
  }

  decline(personSubject: string, at: Date): void {
    if (personSubject !== this.personSubject) throw new ForbiddenError('only the person offered the bed declines it');
    this.endOffer('declined', at);
  }

  /** F-62: not accepted by the deadline. Idempotent (a timer that fires after the person answered does nothing). */
  lapse(at: Date): boolean {
    if (this.status !== 'offered') return false;
    this.endOffer('lapsed', at);
    return true;
  }

  /** F-60: the check-in act (condition, inventory, meter readings) by the housing manager. */
  checkIn(act: Omit<Act, 'kind' | 'damages'>, at: Date): void {
    this.require(['contracted'], 'check in');
    const full: Act = { ...act, kind: 'check-in', damages: [] };
    validateAct(full);
    this.m.checkInAct = full;
    this.m.status = 'occupied';
    this.m.updatedAt = at;
    this.record({
      name: 'ActSigned',
      aggregateId: this.id,
      occurredAt: at,
      ...this.place,
      kind: 'check-in',
      signedOn: act.signedOn,
      inventoryMissing: missing(full),
      damagesTiyn: 0,
      documentIds: scanOf(full),
    });
  }

  /**
   * The person left acceleration: an offer is cancelled; a contract before check-in ends at once;
   * an occupied dwelling starts the F-61 vacate deadline. Returns what happened.
   */
  personLeft(reason: VacateReason, leftOn: IsoDate, vacateBy: IsoDate, at: Date): 'cancelled' | 'vacating' | 'none' {
    if (this.status === 'offered') {
      this.endOffer('cancelled', at);
      return 'cancelled';
    }
    if (this.status !== 'contracted' && this.status !== 'occupied') return 'none';
    this.m.status = 'vacating';
    // ADR 0058: completion ends the housing contract on the completion day.
    if (reason === 'completion' && this.contractEndsOn !== null && leftOn < this.contractEndsOn) this.m.contractEndsOn = leftOn;
    this.m.vacateReason = reason;
    this.m.vacateBy = vacateBy;
    this.m.updatedAt = at;
    this.record({ name: 'VacateDeadlineStarted', aggregateId: this.id, occurredAt: at, ...this.place, vacateBy, reason });
    return 'vacating';
  }

  /** F-61: the due day ended without the acceptance-transfer act. Idempotent. */
  markVacateOverdue(at: Date): boolean {
    if (this.status !== 'vacating' || this.vacateOverdue) return false;
    this.m.vacateOverdue = true;
    this.m.updatedAt = at;
    this.record({ name: 'VacateBecameOverdue', aggregateId: this.id, occurredAt: at, ...this.place, vacateBy: this.vacateBy!, reason: this.vacateReason! });
    return true;
  }

  /** F-61: the acceptance-transfer act (condition, inventory checked, meter readings, damages): the bed is free from the act's day. */
  handOver(act: Omit<Act, 'kind'>, at: Date): void {
    this.require(['vacating'], 'hand over');
    const full: Act = { ...act, kind: 'acceptance-transfer' };
    validateAct(full);
    if (full.signedOn < this.startsOn) throw ValidationError.field('signedOn', `the act cannot be before the allocation started (${this.startsOn})`);
    this.m.handoverAct = full;
    this.m.status = 'released';
    this.m.releasedOn = full.signedOn;
    this.m.updatedAt = at;
    const damagesTiyn = full.damages.reduce((s, d) => s + d.amountTiyn, 0);
    this.record({
      name: 'ActSigned',
      aggregateId: this.id,
      occurredAt: at,
      ...this.place,
      kind: 'acceptance-transfer',
      signedOn: full.signedOn,
      inventoryMissing: missing(full),
      damagesTiyn,
      documentIds: scanOf(full),
    });
    this.record({ name: 'PlaceReleased', aggregateId: this.id, occurredAt: at, ...this.place, releasedOn: full.signedOn, reason: this.vacateReason! });
  }

  private endOffer(outcome: 'declined' | 'lapsed' | 'cancelled', at: Date): void {
    this.require(['offered'], outcome);
    this.m.status = outcome;
    this.m.updatedAt = at;
    this.record({ name: 'OfferEnded', aggregateId: this.id, occurredAt: at, ...this.place, outcome });
  }

  /**
   * F-42 (ADR 0124): the retention ended — the acts' free text, which may describe the person (the
   * condition, the damages' descriptions), is deleted; what the Fund's property record needs stays:
   * the days, the inventory checked, the meter readings, the damages in tiyn, the scan's id (its own
   * retention is documents', ADR 0045).
   */
  purgePersonalParts(at: Date): void {
    const strip = (act: Act | null): Act | null =>
      act && { ...act, condition: '', damages: act.damages.map((d) => ({ description: '', amountTiyn: d.amountTiyn })) };
    this.m.checkInAct = strip(this.checkInAct);
    this.m.handoverAct = strip(this.handoverAct);
    this.m.updatedAt = at;
  }

  private require(from: readonly AllocationStatus[], attempted: string): void {
    if (!from.includes(this.status)) throw new IllegalStateError('allocation', this.status, attempted);
  }
}

const scanOf = (act: Act): string[] => (act.documentId ? [act.documentId] : []);
const missing = (act: Act): number => act.inventory.reduce((s, i) => s + Math.max(0, i.expected - i.found), 0);

function validateAct(act: Act): void {
  if (act.condition.trim().length < 3) throw ValidationError.field('condition', 'describe the condition of the dwelling');
  if (act.damages.some((d) => !Number.isSafeInteger(d.amountTiyn) || d.amountTiyn < 0))
    throw ValidationError.field('damages', 'amounts are non-negative integer tiyn');
}
