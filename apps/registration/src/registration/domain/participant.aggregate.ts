import type { IsoDate } from '@hub/calendar';
import { AggregateRoot } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import type { DescribedActivityType, ParticipantEvent } from './registration.events.js';

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

  /** F-19: active while the term runs. */
  statusOn(today: IsoDate): 'active' | 'expired' {
    return this.termEnd >= today ? 'active' : 'expired';
  }
}
