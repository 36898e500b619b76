import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError } from '@hub/kernel';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { CaseEvent } from './acceleration.events.js';
import type { Enrolment } from './enrolment.aggregate.js';
import { assertEligibleForHousing, type NoHousingDeclaration } from './rules/f59-eligibility.rule.js';
import type { WaitlistEntry } from './rules/f62-waitlist-order.rule.js';

/**
 * waiting: on the waitlist; offered: a bed is offered; housed: under a contract; left: handed back
 * or no longer in acceleration; declined / lapsed: off the waitlist after an offer (ADR 0057).
 */
export type CaseStatus = 'waiting' | 'offered' | 'housed' | 'left' | 'declined' | 'lapsed';

/**
 * A person's request for housing while in acceleration (F-59). The IIN and the contacts are F-42
 * personal data: stored encrypted (the case id bound in), decrypted only for housing staff and the
 * person, every read logged.
 */
export class HousingCase extends AggregateRoot<CaseEvent> implements WaitlistEntry {
  readonly id!: string;
  readonly enrolmentId!: string;
  readonly personSubject!: string;
  readonly iinCipher!: string;
  readonly contactsCipher!: string;
  /** F-42 (ADR 0124): the day the IIN, the contacts and the declaration's evidence were deleted at the end of their retention, else null. */
  readonly personalDataPurgedOn!: IsoDate | null;
  readonly townKatoCode!: string;
  readonly enrolledOn!: IsoDate;
  readonly cohortStartsOn!: IsoDate;
  readonly cohortEndsOn!: IsoDate;
  readonly declaration!: NoHousingDeclaration;
  readonly status!: CaseStatus;
  readonly requestedAt!: Date;
  readonly version!: number;
  readonly updatedAt!: Date;

  get caseId(): string {
    return this.id;
  }

  private get m(): Mutable<HousingCase> {
    return this;
  }

  /** F-59: only a person enrolled and without housing in the programme's town may join the waitlist. */
  static request(input: {
    id: string;
    enrolment: Enrolment | null;
    personSubject: string;
    iinCipher: string;
    contactsCipher: string;
    declaration: NoHousingDeclaration;
    today: IsoDate;
    at: Date;
  }): HousingCase {
    assertEligibleForHousing(input.enrolment, input.declaration, input.today);
    const e = input.enrolment!;
    const c = new HousingCase();
    Object.assign(c, {
      id: input.id,
      enrolmentId: e.enrolmentId,
      personSubject: input.personSubject,
      iinCipher: input.iinCipher,
      contactsCipher: input.contactsCipher,
      townKatoCode: e.townKatoCode,
      enrolledOn: e.enrolledOn,
      cohortStartsOn: e.cohortStartsOn,
      cohortEndsOn: e.cohortEndsOn,
      declaration: { noHousingInTown: input.declaration.noHousingInTown, evidence: input.declaration.evidence.trim() },
      status: 'waiting',
      personalDataPurgedOn: null,
      requestedAt: input.at,
      updatedAt: input.at,
    });
    c.record({ name: 'HousingRequested', aggregateId: input.id, occurredAt: input.at, status: 'waiting' });
    return c;
  }

  offered(at: Date): void {
    this.move(['waiting'], 'offered', at);
  }
  housed(at: Date): void {
    this.move(['offered'], 'housed', at);
  }
  /** F-62 (ADR 0057): a declined or lapsed offer takes the person off the waitlist; they may ask again. */
  offerEnded(outcome: 'declined' | 'lapsed', at: Date): void {
    this.move(['offered'], outcome, at);
  }
  /** Handed the dwelling back, or left acceleration while waiting or offered. */
  left(at: Date): void {
    if (this.status === 'left') return;
    this.m.status = 'left';
    this.m.updatedAt = at;
    this.record({ name: 'CaseStatusChanged', aggregateId: this.id, occurredAt: at, status: 'left' });
  }

  /**
   * F-42 (ADR 0124): the retention ended — the IIN, the contacts and the declaration's evidence are
   * deleted (the ciphertexts emptied: nothing left to decrypt); the request's dates, town and status
   * stay (the waitlist's and the reports' record). Returns false when already done.
   */
  purgePersonalData(on: IsoDate, at: Date): boolean {
    if (this.personalDataPurgedOn !== null) return false;
    this.m.iinCipher = '';
    this.m.contactsCipher = '';
    this.m.declaration = { noHousingInTown: this.declaration.noHousingInTown, evidence: '' };
    this.m.personalDataPurgedOn = on;
    this.m.updatedAt = at;
    return true;
  }

  private move(from: readonly CaseStatus[], to: CaseStatus, at: Date): void {
    if (!from.includes(this.status)) throw new IllegalStateError('housing case', this.status, to);
    this.m.status = to;
    this.m.updatedAt = at;
    this.record({ name: 'CaseStatusChanged', aggregateId: this.id, occurredAt: at, status: to });
  }
}
