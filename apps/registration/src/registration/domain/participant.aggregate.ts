import { type IsoDate, addCalendarDays, compareIsoDates } from '@hub/calendar';
import { AggregateRoot } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import type { DescribedActivityType, ParticipantEvent } from './registration.events.js';

/** F-25, Annex 3: an approved extension, as participation published it (its certificate is participation's document). */
export interface ParticipantExtension {
  readonly extensionId: string;
  /** The Annex 3 extension certificate's own number. */
  readonly certificateNumber: string;
  readonly issuedOn: IsoDate;
  /** The day after the previous term end. */
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
}

/** F-26 … F-28: how the participation ended — the ground CATEGORY only (F-35: never the confidential detail). */
export interface ParticipationEnd {
  readonly kind: 'planned' | 'early';
  /** `term-expired` (F-27) or one of the seven F-28 ground categories. */
  readonly ground: string;
  /** F-28 ground number (1–7); null for the planned end. */
  readonly groundNumber: number | null;
  readonly endedOn: IsoDate;
}

/** What the public registry says of a participant on a day (F-19, F-25, F-27, F-28). */
export type RegistryStatus = 'active' | 'expired' | 'terminated';

/**
 * F-19, F-25, F-27, F-28: the registry status of a participation on `today` — `terminated` from the day
 * an early termination takes effect; `expired` after the last day of the current validity; otherwise
 * `active`. One rule for the aggregate (`Participant.statusOn`) and for the export's plain rows (ADR 0125).
 */
export function registryStatusOn(
  p: { readonly endKind: 'planned' | 'early' | null; readonly endedOn: IsoDate | null; readonly validTo: IsoDate },
  today: IsoDate,
): RegistryStatus {
  if (p.endKind === 'early' && p.endedOn && compareIsoDates(p.endedOn, today) <= 0) return 'terminated';
  return compareIsoDates(p.validTo, today) >= 0 ? 'active' : 'expired';
}

/**
 * A participant (from contract signing, F-18) and, once listed, a public registry entry (F-19).
 * Never holds the business plan (F-35). Mapped by `ParticipantSchema` (infrastructure/registration.schemas.ts).
 */
export class Participant extends AggregateRoot<ParticipantEvent> {
  readonly id!: string;
  readonly bin!: string;
  readonly companyName!: string;
  readonly address!: string;
  readonly activityTypes!: DescribedActivityType[];
  readonly registrationApplicationId!: string;
  readonly contractNumber!: string;
  readonly contractSignedOn!: IsoDate;
  readonly termStart!: IsoDate;
  readonly termEnd!: IsoDate;
  readonly certificateNumber!: string;
  readonly certificateIssuedOn!: IsoDate | null;
  readonly listedOn!: IsoDate | null;
  /** F-25, F-27: the last day of the current validity — the term end, moved by each approved extension. */
  readonly validTo!: IsoDate;
  /** F-25, Annex 3: the approved extensions, oldest first. */
  readonly extensions!: ParticipantExtension[];
  /** F-26 … F-28: the end participation published (null while the participation runs). */
  readonly endedOn!: IsoDate | null;
  readonly endKind!: 'planned' | 'early' | null;
  readonly endGround!: string | null;
  readonly endGroundNumber!: number | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<Participant> {
    return this;
  }

  /** F-18, F-24: the contract of `applicationId` is signed; the company is a participant from the signing day for the term. */
  static register(input: {
    id: string;
    applicationId: string;
    bin: string;
    companyName: string;
    address: string;
    activityTypes: DescribedActivityType[];
    contractNumber: string;
    contractSignedOn: IsoDate;
    termStart: IsoDate;
    termEnd: IsoDate;
    certificateNumber: string;
    /** F-18: when the certificate is due (3 WD after signing). */
    certificateDueDate: IsoDate;
    at: Date;
  }): Participant {
    const p = new Participant();
    Object.assign(p, {
      id: input.id,
      bin: input.bin,
      companyName: input.companyName,
      address: input.address,
      activityTypes: input.activityTypes,
      registrationApplicationId: input.applicationId,
      contractNumber: input.contractNumber,
      contractSignedOn: input.contractSignedOn,
      termStart: input.termStart,
      termEnd: input.termEnd,
      certificateNumber: input.certificateNumber,
      certificateIssuedOn: null,
      listedOn: null,
      validTo: input.termEnd,
      extensions: [],
      endedOn: null,
      endKind: null,
      endGround: null,
      endGroundNumber: null,
      createdAt: input.at,
      updatedAt: input.at,
    });
    const { at, id, ...facts } = input;
    p.record({ name: 'ParticipantRegistered', aggregateId: id, occurredAt: at, participantId: id, ...facts });
    return p;
  }

  /** F-18: the certificate of Annex 2 was issued; it is valid for the term. */
  certificateIssued(issuedOn: IsoDate, at: Date): void {
    this.m.certificateIssuedOn = issuedOn;
    this.m.updatedAt = at;
    this.record({
      name: 'ParticipantCertificateIssued',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      certificateNumber: this.certificateNumber,
      issuedOn,
      validFrom: this.termStart,
      validTo: this.termEnd,
    });
  }

  /** F-19: the participant is on the public list from `listedOn`. */
  listed(listedOn: IsoDate, at: Date): void {
    this.m.listedOn = listedOn;
    this.m.updatedAt = at;
    this.record({ name: 'ParticipantListed', aggregateId: this.id, occurredAt: at, bin: this.bin, listedOn });
  }

  /** F-20: the Commission approved a change of activity types (application `applicationId`); it takes effect on `effectiveFrom`. */
  changeActivityTypes(after: DescribedActivityType[], applicationId: string, effectiveFrom: IsoDate, at: Date): void {
    const before = this.activityTypes.map((t) => t.code);
    this.m.activityTypes = after;
    this.m.updatedAt = at;
    this.record({
      name: 'ActivityTypesChanged',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      applicationId,
      activityTypes: after,
      added: after.map((t) => t.code).filter((c) => !before.includes(c)),
      removed: before.filter((c) => !after.some((t) => t.code === c)),
      effectiveFrom,
    });
  }

  /** F-9(3): the participant reported a new address where it operates; the Fund's record follows at once. */
  changeAddress(address: string, reportedOn: IsoDate, at: Date): void {
    this.m.address = address;
    this.m.updatedAt = at;
    this.record({ name: 'ParticipantAddressChanged', aggregateId: this.id, occurredAt: at, bin: this.bin, address, reportedOn });
  }

  /**
   * F-25, Annex 3: participation approved an extension (participation.participation-extended): the
   * validity now runs to `newTermEnd` under the extension certificate's own number. The same
   * extension twice changes nothing (false).
   */
  extended(e: { extensionId: string; previousTermEnd: IsoDate; newTermEnd: IsoDate; certificateNumber: string; issuedOn: IsoDate }, at: Date): boolean {
    if (this.extensions.some((x) => x.extensionId === e.extensionId)) return false;
    const extension: ParticipantExtension = {
      extensionId: e.extensionId,
      certificateNumber: e.certificateNumber,
      issuedOn: e.issuedOn,
      validFrom: addCalendarDays(e.previousTermEnd, 1),
      validTo: e.newTermEnd,
    };
    this.m.extensions = [...this.extensions, extension];
    if (compareIsoDates(e.newTermEnd, this.validTo) > 0) this.m.validTo = e.newTermEnd;
    this.m.updatedAt = at;
    this.record({ name: 'ParticipantExtended', aggregateId: this.id, occurredAt: at, bin: this.bin, ...extension });
    return true;
  }

  /**
   * F-26 … F-28: the participation ended (participation.participation-terminated) — as planned
   * (F-27: the validity ends on `endedOn`) or early on an F-28 ground (terminated from `endedOn`).
   * Only the ground category and number are kept (F-35). The first end recorded stays (false).
   */
  ended(end: ParticipationEnd, at: Date): boolean {
    if (this.endedOn) return false;
    const m = this.m;
    m.endedOn = end.endedOn;
    m.endKind = end.kind;
    m.endGround = end.ground;
    m.endGroundNumber = end.groundNumber;
    if (end.kind === 'planned') m.validTo = end.endedOn;
    m.updatedAt = at;
    this.record({ name: 'ParticipantEnded', aggregateId: this.id, occurredAt: at, bin: this.bin, ...end });
    return true;
  }

  /** The end, or null while the participation runs. */
  get end(): ParticipationEnd | null {
    if (!this.endedOn || !this.endKind || !this.endGround) return null;
    return { kind: this.endKind, ground: this.endGround, groundNumber: this.endGroundNumber, endedOn: this.endedOn };
  }

  /**
   * F-19, F-25, F-27, F-28: `terminated` from the day an early termination takes effect; `expired`
   * after the last day of the current validity (the term end, moved by extensions, or the planned
   * end participation published); otherwise `active`.
   */
  statusOn(today: IsoDate): RegistryStatus {
    return registryStatusOn(this, today);
  }

  /** F-25 (second part) → F-8: a participant whose participation ended (expired, extension missed, or terminated early) may register anew. */
  isActiveOn(today: IsoDate): boolean {
    return this.statusOn(today) === 'active';
  }
}
