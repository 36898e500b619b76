import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import type { RequiredSections } from '../../catalogue/domain/service.aggregate.js';
import type { FixedPrice } from '../../catalogue/domain/rules/price-for-recipient.rule.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { ApplicationEvent } from './application.events.js';
import { assertRefusalAllowed } from './rules/refusal-ground.rule.js';
import { assertRequiredSections, isF48Field } from './rules/required-fields.rule.js';

export type { ApplicationContent, ApplicationStatus, Language, RecipientKind, RefusalGround, Remark } from './service-application.types.js';
import type { ApplicationContent, ApplicationStatus, Language, RecipientKind, RefusalGround, Remark } from './service-application.types.js';

/**
 * A service application (F-47 … F-54): filed inside the call's intake, reviewed against F-48 with
 * field remarks, decided (contract or an F-53 refusal), then contracted at the price fixed on the
 * contract day (F-56). A refused recipient may file again for the same call (F-54): the database
 * allows one live application per (call, recipient), refused ones excepted.
 */
export class ServiceApplication extends AggregateRoot<ApplicationEvent> {
  readonly id!: string;
  readonly callId!: string;
  readonly serviceId!: string;
  readonly recipientKind!: RecipientKind;
  readonly recipientId!: string;
  readonly filedBy!: string;
  readonly participantAtFiling!: boolean;
  readonly language!: Language;
  readonly translationRequired!: boolean;
  /** F-49 (as F-10): the Kazakh or Russian translation the Fund made of an English application, when recorded. */
  readonly translationLanguage!: 'kk' | 'ru' | null;
  readonly translationDocumentRef!: string | null;
  readonly translatedAt!: Date | null;
  readonly translatedBy!: string | null;
  readonly declarationAccepted!: boolean;
  readonly content!: ApplicationContent;
  readonly status!: ApplicationStatus;
  readonly remarks!: readonly Remark[];
  readonly filedAt!: Date;
  readonly reviewDueOn!: IsoDate;
  readonly reviewOverdue!: boolean;
  readonly refusalGround!: RefusalGround | null;
  readonly refusalReasons!: string | null;
  readonly decidedAt!: Date | null;
  readonly contractId!: string | null;
  readonly contractPriceTiyn!: number | null;
  readonly priceBasis!: 'participant' | 'non-participant' | null;
  readonly priceListEntryId!: string | null;
  readonly contractSignedOn!: IsoDate | null;
  /**
   * ADR 0123: the payer's name as the contract names it (a legal entity's name, or the individual's —
   * F-42 personal data), `@hub/pii` ciphertext bound to the application id; never in an event or a log.
   * Null for contracts signed before it was asked.
   */
  readonly contractPayerNameCipher!: string | null;
  readonly version!: number;
  readonly updatedAt!: Date;

  private get m(): Mutable<ServiceApplication> {
    return this;
  }

  /**
   * F-47 (the caller checked the intake window with the call), F-48 (required sections of the
   * service), F-49 (language; English → a translation by the Fund), F-50 (the declaration).
   */
  static file(input: {
    id: string;
    callId: string;
    serviceId: string;
    recipientKind: RecipientKind;
    recipientId: string;
    filedBy: string;
    participant: boolean;
    language: Language;
    declarationAccepted: boolean;
    content: ApplicationContent;
    requiredSections: RequiredSections;
    reviewDueOn: IsoDate;
    at: Date;
  }): ServiceApplication {
    if (input.declarationAccepted !== true) {
      throw new RuleViolationError('F-50', 'the applicant declares the completeness and accuracy of the application and its documents');
    }
    assertRequiredSections(input.content, input.requiredSections);
    const { requiredSections: _r, participant, at, ...fields } = input;
    const a = new ServiceApplication();
    Object.assign(a, {
      ...fields,
      participantAtFiling: participant,
      translationRequired: input.language === 'en',
      translationLanguage: null,
      translationDocumentRef: null,
      translatedAt: null,
      translatedBy: null,
      status: 'under-review',
      remarks: [],
      filedAt: at,
      reviewOverdue: false,
      refusalGround: null,
      refusalReasons: null,
      decidedAt: null,
      contractId: null,
      contractPriceTiyn: null,
      priceBasis: null,
      priceListEntryId: null,
      contractSignedOn: null,
      contractPayerNameCipher: null,
      updatedAt: at,
    });
    a.record({
      name: 'ApplicationFiled',
      aggregateId: input.id,
      occurredAt: at,
      recipientKind: input.recipientKind,
      recipientId: input.recipientId,
      callId: input.callId,
      serviceId: input.serviceId,
      participant,
      language: input.language,
      translationRequired: a.translationRequired,
      reviewDueOn: input.reviewDueOn,
    });
    return a;
  }

  /** F-52: the application does not match F-48 → a notice with remarks, each naming an F-48 field. */
  issueRemarks(remarks: readonly { field: string; message: string }[], at: Date): void {
    if (this.status !== 'under-review')
      throw new IllegalStateError('service application', this.status, 'issue remarks on', 'remarks go to an application under review (F-52)');
    if (remarks.length === 0) throw ValidationError.field('remarks', 'at least one remark');
    const unknown = remarks.filter((r) => !isF48Field(r.field));
    if (unknown.length > 0)
      throw new RuleViolationError('F-52', `remarks name F-48 fields; unknown: ${unknown.map((r) => r.field).join(', ')}`, {
        unknown: unknown.map((r) => r.field),
      });
    this.m.remarks = [...this.remarks, ...remarks.map((r) => ({ field: r.field, message: r.message.trim(), issuedAt: at.toISOString(), answeredAt: null }))];
    this.m.status = 'remarks-issued';
    this.m.updatedAt = at;
    this.record({
      name: 'RemarksIssued',
      aggregateId: this.id,
      occurredAt: at,
      ...this.recipient(),
      fields: [...new Set(remarks.map((r) => r.field))],
      filedBy: this.filedBy,
    });
  }

  /** The applicant answers the remarks with corrected content (F-52); it goes back under review with a new review deadline. */
  resubmit(content: ApplicationContent, requiredSections: RequiredSections, reviewDueOn: IsoDate, at: Date): void {
    if (this.status !== 'remarks-issued')
      throw new IllegalStateError('service application', this.status, 'resubmit', 'only an application with remarks is resubmitted');
    assertRequiredSections(content, requiredSections);
    this.m.content = content;
    this.m.remarks = this.remarks.map((r) => (r.answeredAt ? r : { ...r, answeredAt: at.toISOString() }));
    this.m.status = 'under-review';
    this.m.reviewDueOn = reviewDueOn;
    this.m.reviewOverdue = false;
    this.m.updatedAt = at;
    this.record({ name: 'ApplicationResubmitted', aggregateId: this.id, occurredAt: at, ...this.recipient(), reviewDueOn });
  }

  /** F-51: the Fund decides to conclude a service contract (no remarks outstanding). */
  approve(at: Date): void {
    if (this.status !== 'under-review')
      throw new IllegalStateError(
        'service application',
        this.status,
        'decide to conclude a contract for',
        'the application must be under review with no remarks outstanding (F-51)',
      );
    this.m.status = 'approved';
    this.m.decidedAt = at;
    this.m.updatedAt = at;
    this.record({
      name: 'DecisionMade',
      aggregateId: this.id,
      occurredAt: at,
      ...this.recipient(),
      callId: this.callId,
      serviceId: this.serviceId,
      outcome: 'conclude-contract',
      ground: null,
    });
  }

  /** F-51, F-53: refuse on one of the three grounds, with reasons (F-54: the applicant may apply again once they are removed). */
  refuse(ground: RefusalGround, reasons: string, at: Date): void {
    assertRefusalAllowed(this.status, ground, reasons);
    this.m.status = 'refused';
    this.m.refusalGround = ground;
    this.m.refusalReasons = reasons.trim();
    this.m.decidedAt = at;
    this.m.updatedAt = at;
    this.record({
      name: 'DecisionMade',
      aggregateId: this.id,
      occurredAt: at,
      ...this.recipient(),
      callId: this.callId,
      serviceId: this.serviceId,
      outcome: 'refuse',
      ground,
    });
  }

  /** F-55, F-56: the contract is signed at the price fixed on the contract day; it never changes afterwards. */
  signContract(contractId: string, price: FixedPrice, signedOn: IsoDate, at: Date, payerNameCipher: string | null = null): void {
    if (this.status !== 'approved')
      throw new IllegalStateError('service application', this.status, 'sign the contract of', 'a contract is signed after the decision to conclude it');
    this.m.status = 'contracted';
    this.m.contractId = contractId;
    this.m.contractPriceTiyn = price.priceTiyn;
    this.m.priceBasis = price.basis;
    this.m.priceListEntryId = price.priceListEntryId;
    this.m.contractSignedOn = signedOn;
    this.m.contractPayerNameCipher = payerNameCipher;
    this.m.updatedAt = at;
    this.record({
      name: 'ContractSigned',
      aggregateId: this.id,
      occurredAt: at,
      ...this.recipient(),
      contractId,
      serviceId: this.serviceId,
      priceTiyn: price.priceTiyn,
      priceBasis: price.basis,
      priceListEntryId: price.priceListEntryId,
      signedOn,
    });
  }

  /**
   * F-49 (languages as F-10): the Fund ensures a Kazakh or Russian translation of an application filed in
   * English — the officer records it (the target language and the translated document's reference). Only
   * an English application has one, and only once.
   */
  recordTranslation(targetLanguage: 'kk' | 'ru', documentRef: string, by: string, at: Date): void {
    if (!this.translationRequired)
      throw new RuleViolationError('F-49', `the application is in ${this.language}: the Fund translates only applications in English`, {
        field: 'targetLanguage',
      });
    if (this.translationLanguage !== null)
      throw new IllegalStateError('service application', 'translated', 'record a translation of', 'the translation is already recorded (F-49)');
    if (documentRef.trim().length < 3) throw ValidationError.field('documentRef', 'name the translated document (at least 3 characters)');
    this.m.translationLanguage = targetLanguage;
    this.m.translationDocumentRef = documentRef.trim();
    this.m.translatedAt = at;
    this.m.translatedBy = by;
    this.m.updatedAt = at;
  }

  /** The review deadline passed with the application still waiting for the Fund (ADR 0061). Idempotent. */
  markReviewOverdue(at: Date): void {
    if (this.status !== 'under-review' || this.reviewOverdue) return;
    this.m.reviewOverdue = true;
    this.m.updatedAt = at;
    this.record({ name: 'ReviewBecameOverdue', aggregateId: this.id, occurredAt: at, ...this.recipient(), reviewDueOn: this.reviewDueOn });
  }

  private recipient(): { recipientKind: RecipientKind; recipientId: string } {
    return { recipientKind: this.recipientKind, recipientId: this.recipientId };
  }
}
