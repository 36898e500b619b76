import { type IsoDate, almatyDate } from '@hub/calendar';
import { AggregateRoot, ConflictError, IllegalStateError, RuleViolationError, ValidationError, type FieldIssue } from '@hub/kernel';
import type { ActivityTypeCatalogue, SelectedActivityType } from './activity-type-catalogue.js';
import { type ApplicationKind, type ApplicationStatus, applicationStateMachine } from './application-status.js';
import { type BusinessPlanDraft, businessPlanIssues, isRemarkableField } from './business-plan.js';
import type { EligibilityDeclaration, TaxCertificate } from './eligibility/eligibility-rule.js';
import type { EligibilityEvaluation } from './eligibility/eligibility-rule-set.js';
import type { Mutable } from './mutable.js';
import type { ApplicationEvent } from './registration.events.js';
import { assertContractSigningDate } from './rules/contract-signing-date.rule.js';
import { assertDecisionDate } from './rules/decision-date.rule.js';
import { type ParticipationTerm, participationTerm } from './rules/minimum-participation-term.rule.js';

export type Language = 'kk' | 'ru' | 'en';
export type Vote = 'register' | 'refuse';
export type RefusalGround = 'business-plan-not-per-annex-1' | 'activity-not-in-priority-list';

/** F-9(3): proof of the place where the applicant will operate. */
export interface PlaceOfBusiness {
  readonly address: string;
  /** e.g. lease contract, title deed. */
  readonly proofKind: string;
  /** The proving document in the documents context (issue #10, kind place-of-business-proof). */
  readonly documentId?: string | undefined;
  /** Deprecated free-text reference of the proving document (before uploads). */
  readonly documentRef?: string | undefined;
}

export interface Remark {
  readonly id: string;
  readonly round: number;
  /** The field the remark is about (F-14: remarks tied to specific fields). */
  readonly field: string;
  readonly message: string;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly answer?: string;
  readonly answeredAt?: string;
}

export interface CommissionVote {
  readonly member: string;
  readonly memberName?: string;
  readonly vote: Vote;
  readonly grounds: readonly RefusalGround[];
  readonly comment?: string;
  readonly castAt: string;
}

/** The Commission's decision, kept as its protocol (F-15, F-16). */
export interface CommissionDecision {
  readonly decision: Vote;
  readonly grounds: readonly { readonly ground: RefusalGround; readonly reason: string }[];
  readonly protocolNumber: string;
  readonly decidedOn: string;
  readonly recordedBy: string;
  readonly votes: readonly CommissionVote[];
}

export interface ContractRecord {
  readonly number: string;
  readonly signedOn: string;
  readonly termStart: string;
  readonly termEnd: string;
}

/** F-17's proof of notice: an officer's record, or the delivery notifications proved (ADR 0092): message id and content hash. */
export type NotificationProof = { via: 'officer-record' } | { via: 'email' | 'portal'; messageId: string; contentHash: string; sourceEventId: string };

export interface StatusChange {
  readonly at: string;
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly by: string;
}

export interface DraftPatch {
  companyName?: string | undefined;
  address?: string | undefined;
  language?: Language | undefined;
  activityTypes?: SelectedActivityType[] | undefined;
  businessPlan?: BusinessPlanDraft | undefined;
  taxCertificate?: TaxCertificate | undefined;
  placeOfBusiness?: PlaceOfBusiness | undefined;
  eligibility?: EligibilityDeclaration | undefined;
}

/** F-12/F-14/F-16: a failed automated check, proposed to the officer (F-14 remark) or to the Commission (F-16 ground). */
export interface ProposedRemark {
  readonly ruleId: string;
  readonly field: string;
  readonly message: string;
  readonly for: 'officer' | 'commission';
  readonly ground?: RefusalGround;
}

/** The automated checks whose failure is an F-16 refusal ground rather than a matter for F-14 remarks. */
const F16_GROUND_OF_RULE: Readonly<Record<string, RefusalGround>> = { 'F-7(7)': 'activity-not-in-priority-list' };

const iso = (d: Date): string => d.toISOString();

/**
 * A participation application (F-8) or an application to change activity types (F-20). It holds
 * the state machine, the Annex 1 completeness rule, the eligibility outcome it was filed with,
 * the remarks, the Commission's votes and protocol, the contract and the certificate number.
 *
 * Mapped by `ApplicationSchema` (infrastructure/registration.schemas.ts) (ADR 0035): civil dates are `date` columns
 * (IsoDate strings), instants `timestamptz`, the value-object collections (remarks, votes,
 * history, business plan, declaration, evaluation) `jsonb`; `version` is the optimistic lock.
 * Its fields are read-only outside; only its methods change them.
 */
export class Application extends AggregateRoot<ApplicationEvent> {
  readonly id!: string;
  readonly kind!: ApplicationKind;
  readonly bin!: string;
  readonly companyName!: string;
  readonly address!: string;
  readonly language!: Language;
  readonly status!: ApplicationStatus;
  readonly activityTypes!: SelectedActivityType[];
  readonly businessPlan!: BusinessPlanDraft | null;
  readonly taxCertificate!: TaxCertificate | null;
  readonly placeOfBusiness!: PlaceOfBusiness | null;
  readonly eligibility!: EligibilityDeclaration | null;
  readonly eligibilityEvaluation!: EligibilityEvaluation | null;
  /** For an activity-change application: the participant it changes; for a registration: the participant it created. */
  readonly participantId!: string | null;
  readonly filedAt!: Date | null;
  readonly filedOn!: IsoDate | null;
  readonly lastSubmittedAt!: Date | null;
  readonly remarks!: Remark[];
  readonly sentToCommissionAt!: Date | null;
  readonly votes!: CommissionVote[];
  readonly decision!: Vote | null;
  readonly decisionGrounds!: { ground: RefusalGround; reason: string }[] | null;
  readonly protocolNumber!: string | null;
  readonly decidedOn!: IsoDate | null;
  readonly decisionRecordedBy!: string | null;
  readonly notifiedAt!: Date | null;
  /** How the F-17 notice is proven: the officer's record, or notifications' proof of delivery (ADR 0092). */
  readonly notificationProof!: NotificationProof | null;
  readonly contractNumber!: string | null;
  readonly contractSignedOn!: IsoDate | null;
  readonly termStart!: IsoDate | null;
  readonly termEnd!: IsoDate | null;
  readonly certificateNumber!: string | null;
  readonly certificateIssuedOn!: IsoDate | null;
  readonly listedOn!: IsoDate | null;
  readonly createdBy!: string;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly history!: StatusChange[];
  /** Optimistic lock: two people acting on one application at once cannot overwrite each other. */
  readonly version!: number;

  private get m(): Mutable<Application> {
    return this;
  }

  static create(input: {
    id: string;
    kind: ApplicationKind;
    bin: string;
    companyName: string;
    address: string;
    language: Language;
    participantId?: string | null;
    activityTypes?: SelectedActivityType[];
    by: string;
    at: Date;
  }): Application {
    const app = new Application();
    Object.assign(app, {
      id: input.id,
      kind: input.kind,
      bin: input.bin,
      companyName: input.companyName,
      address: input.address,
      language: input.language,
      status: 'draft',
      activityTypes: input.activityTypes ?? [],
      businessPlan: null,
      taxCertificate: null,
      placeOfBusiness: null,
      eligibility: null,
      eligibilityEvaluation: null,
      participantId: input.participantId ?? null,
      filedAt: null,
      filedOn: null,
      lastSubmittedAt: null,
      remarks: [],
      sentToCommissionAt: null,
      votes: [],
      decision: null,
      decisionGrounds: null,
      protocolNumber: null,
      decidedOn: null,
      decisionRecordedBy: null,
      notifiedAt: null,
      notificationProof: null,
      contractNumber: null,
      contractSignedOn: null,
      termStart: null,
      termEnd: null,
      certificateNumber: null,
      certificateIssuedOn: null,
      listedOn: null,
      createdBy: input.by,
      createdAt: input.at,
      updatedAt: input.at,
      history: [{ at: iso(input.at), from: null, to: 'draft', by: input.by }],
    });
    return app;
  }

  /** The Commission's protocol (F-15, F-16), or null before the decision. The votes are the ones it was decided on. */
  get decisionRecord(): CommissionDecision | null {
    if (!this.decision || !this.protocolNumber || !this.decidedOn) return null;
    return {
      decision: this.decision,
      grounds: this.decisionGrounds ?? [],
      protocolNumber: this.protocolNumber,
      decidedOn: this.decidedOn,
      recordedBy: this.decisionRecordedBy ?? '',
      votes: this.votes,
    };
  }

  /** The signed contract (F-18), or null. */
  get contract(): ContractRecord | null {
    if (!this.contractNumber || !this.contractSignedOn || !this.termStart || !this.termEnd) return null;
    return { number: this.contractNumber, signedOn: this.contractSignedOn, termStart: this.termStart, termEnd: this.termEnd };
  }

  private move(command: Parameters<typeof applicationStateMachine.next>[1], by: string, at: Date): void {
    const to = applicationStateMachine.next(this.status, command);
    this.m.history = [...this.history, { at: iso(at), from: this.status, to, by }];
    this.m.status = to;
    this.m.updatedAt = at;
  }

  /** The applicant fills the draft, or corrects it while remarks are open (F-14). */
  editDraft(patch: DraftPatch, at: Date): void {
    applicationStateMachine.next(this.status, 'edit-draft');
    const m = this.m;
    if (patch.companyName !== undefined) m.companyName = patch.companyName;
    if (patch.address !== undefined) m.address = patch.address;
    if (patch.language !== undefined) m.language = patch.language;
    if (patch.activityTypes !== undefined) m.activityTypes = patch.activityTypes;
    if (patch.businessPlan !== undefined) m.businessPlan = patch.businessPlan;
    if (patch.taxCertificate !== undefined) m.taxCertificate = patch.taxCertificate;
    if (patch.placeOfBusiness !== undefined) m.placeOfBusiness = patch.placeOfBusiness;
    if (patch.eligibility !== undefined) m.eligibility = patch.eligibility;
    m.updatedAt = at;
  }

  /** F-9 completeness: the documents of F-9(1)–(3), the declaration of F-7 and the Annex 1 plan. */
  completenessIssues(catalogue: ActivityTypeCatalogue): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (!this.activityTypes.length)
      issues.push({ path: 'activityTypes', message: 'choose at least one priority ICT activity type (F-7(7))', code: 'required' });
    if (this.kind === 'registration') {
      if (!this.eligibility) issues.push({ path: 'eligibility', message: 'the eligibility declaration of F-7 is required', code: 'required' });
      if (!this.taxCertificate)
        issues.push({ path: 'taxCertificate', message: 'the tax authority information on tax debt is required (F-9(2))', code: 'required' });
      if (!this.placeOfBusiness) issues.push({ path: 'placeOfBusiness', message: 'proof of the place of business is required (F-9(3))', code: 'required' });
    }
    issues.push(...businessPlanIssues(this.businessPlan, this.activityTypes, catalogue));
    return issues;
  }

  /** What eligibility is checked against (the use case runs the rule set with reference data). */
  eligibilityInputs(): { declaration: EligibilityDeclaration | null; taxCertificate: TaxCertificate | null; activityTypes: readonly SelectedActivityType[] } {
    return { declaration: this.eligibility, taxCertificate: this.taxCertificate, activityTypes: this.activityTypes };
  }

  private file(evaluation: EligibilityEvaluation, catalogue: ActivityTypeCatalogue): void {
    const issues = this.completenessIssues(catalogue);
    if (issues.length)
      throw new ValidationError(
        issues,
        `the application is incomplete: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        'registration.application.incomplete',
      );
    // F-12/F-14/F-16: a failed F-7/F-9(2) check does not refuse the filing — the Fund reviews
    // completeness, accuracy AND compliance itself; the stored failures are proposed remarks (ADR 0055).
    this.m.eligibilityEvaluation = evaluation;
  }

  /**
   * F-12/F-14/F-16: the automated checks that failed on the last filing, as proposals for the
   * officer's F-14 remarks (tied to the field) — or, where the failure is an F-16 refusal ground
   * (F-7(7): the activity is not on the priority list), material for the Commission. The officer
   * decides: proposals are not remarks until issued.
   */
  get proposedRemarks(): ProposedRemark[] {
    return (this.eligibilityEvaluation?.outcomes ?? [])
      .filter((o) => o.outcome === 'failed')
      .map((o) => {
        const ground = F16_GROUND_OF_RULE[o.ruleId];
        return ground
          ? { ruleId: o.ruleId, field: o.field, message: o.message, for: 'commission' as const, ground }
          : { ruleId: o.ruleId, field: o.field, message: o.message, for: 'officer' as const };
      });
  }

  /**
   * F-8: the applicant files the application. The documents of F-9 (and the Annex 1 items) must be
   * there; the eligibility checks (F-7, F-9(2)) are run and stored — a failure is a proposed remark
   * for the Fund's review (F-12/F-14/F-16, `proposedRemarks`), not a refusal to file. `reviewDueDate` is the deadline the filing starts (F-12, or F-20 for a change).
   */
  submit(evaluation: EligibilityEvaluation, catalogue: ActivityTypeCatalogue, by: string, at: Date, filedOn: IsoDate, reviewDueDate: IsoDate): void {
    applicationStateMachine.next(this.status, 'submit');
    this.file(evaluation, catalogue);
    this.m.filedAt = at;
    this.m.filedOn = filedOn;
    this.m.lastSubmittedAt = at;
    this.move('submit', by, at);
    this.record({
      name: 'ApplicationSubmitted',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      companyName: this.companyName,
      kind: this.kind,
      language: this.language,
      reviewDueDate,
      failedChecks: this.proposedRemarks.map((r) => r.ruleId),
      documentIds: this.documentIds(),
      filedBy: by,
    });
  }

  /** The documents of the documents context this application refers to (F-9(2), F-9(3); issue #10). */
  documentIds(): string[] {
    return [this.taxCertificate?.documentId, this.placeOfBusiness?.documentId].filter((d): d is string => typeof d === 'string');
  }

  /** The documents and the kinds their rules require (F-9(2) tax-debt information, F-9(3) proof of the place of business). */
  documentReferences(): { path: string; documentId: string; kind: string; ruleId: string }[] {
    const refs: { path: string; documentId: string; kind: string; ruleId: string }[] = [];
    if (this.taxCertificate?.documentId)
      refs.push({ path: 'taxCertificate.documentId', documentId: this.taxCertificate.documentId, kind: 'tax-debt-certificate', ruleId: 'F-9(2)' });
    if (this.placeOfBusiness?.documentId)
      refs.push({ path: 'placeOfBusiness.documentId', documentId: this.placeOfBusiness.documentId, kind: 'place-of-business-proof', ruleId: 'F-9(3)' });
    return refs;
  }

  /** F-14: remarks, each tied to a field of the application. */
  issueRemarks(remarks: readonly { id: string; field: string; message: string }[], by: string, at: Date): Remark[] {
    applicationStateMachine.next(this.status, 'issue-remarks');
    if (!remarks.length) throw ValidationError.field('remarks', 'at least one remark is required', 'required');
    const issues = remarks.flatMap((r, i) =>
      isRemarkableField(r.field) ? [] : [{ path: `remarks.${i}.field`, message: `${r.field} is not a field of the application`, code: 'unknown-field' }],
    );
    if (issues.length) throw new ValidationError(issues);
    const round = Math.max(0, ...this.remarks.map((r) => r.round)) + 1;
    const added = remarks.map((r) => ({ id: r.id, round, field: r.field, message: r.message, issuedAt: iso(at), issuedBy: by }));
    this.m.remarks = [...this.remarks, ...added];
    this.move('issue-remarks', by, at);
    this.record({
      name: 'RemarksIssued',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      remarks: added.map((r) => ({ field: r.field, message: r.message })),
    });
    return added;
  }

  openRemarks(): Remark[] {
    return this.remarks.filter((r) => r.answer === undefined);
  }

  /** F-14, F-15: the applicant answers every open remark and files again; `reviewDueDate` as for `submit`. */
  resubmit(
    answers: readonly { remarkId: string; answer: string }[],
    evaluation: EligibilityEvaluation,
    catalogue: ActivityTypeCatalogue,
    by: string,
    at: Date,
    reviewDueDate: IsoDate,
  ): void {
    applicationStateMachine.next(this.status, 'resubmit');
    const open = this.openRemarks();
    const issues: FieldIssue[] = [];
    answers.forEach((a, i) => {
      if (!open.some((r) => r.id === a.remarkId))
        issues.push({ path: `answers.${i}.remarkId`, message: `${a.remarkId} is not an open remark of this application`, code: 'unknown-remark' });
    });
    for (const r of open)
      if (!answers.some((a) => a.remarkId === r.id))
        issues.push({ path: 'answers', message: `remark ${r.id} (${r.field}) has no answer`, code: 'remark-unanswered' });
    if (issues.length) throw new ValidationError(issues);
    this.file(evaluation, catalogue);
    this.m.remarks = this.remarks.map((r) => {
      const a = answers.find((x) => x.remarkId === r.id);
      return a && r.answer === undefined ? { ...r, answer: a.answer, answeredAt: iso(at) } : r;
    });
    this.m.lastSubmittedAt = at;
    this.move('resubmit', by, at);
    this.record({
      name: 'ApplicationResubmitted',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      companyName: this.companyName,
      kind: this.kind,
      language: this.language,
      reviewDueDate,
      failedChecks: this.proposedRemarks.map((r) => r.ruleId),
      documentIds: this.documentIds(),
      filedBy: by,
    });
  }

  /** F-13, F-15: a complete application goes to the selection Commission; `decisionDueDate` is F-15's (or F-20's) deadline. */
  sendToCommission(by: string, at: Date, decisionDueDate: IsoDate): void {
    this.move('send-to-commission', by, at);
    this.m.sentToCommissionAt = at;
    this.m.votes = [];
    this.record({ name: 'SentToCommission', aggregateId: this.id, occurredAt: at, bin: this.bin, decisionDueDate });
  }

  /**
   * One vote per Commission member; voting again replaces the member's vote. Issue #16, ADR 0138 §2: the
   * fact that the member voted (not how) is recorded every time, so notifications' agenda marks them.
   */
  castVote(vote: Omit<CommissionVote, 'castAt'>, at: Date): void {
    applicationStateMachine.next(this.status, 'cast-vote');
    if (vote.vote === 'refuse' && !vote.grounds.length) throw ValidationError.field('grounds', 'a vote to refuse names at least one F-16 ground', 'required');
    this.m.votes = [...this.votes.filter((v) => v.member !== vote.member), { ...vote, castAt: iso(at) }];
    this.m.updatedAt = at;
    this.record({ name: 'CommissionVoteCast', aggregateId: this.id, occurredAt: at, bin: this.bin, member: vote.member });
  }

  /**
   * F-15, F-16, F-20: the Commission's decision, recorded by its secretary as a protocol. It
   * follows the majority of the recorded votes (ADR 0014); a refusal names F-16 grounds with reasons.
   * `decidedOn` is the protocol's date (not after today, not before the sending to the Commission);
   * `notificationDueDate` is the F-17 deadline it starts (5 WD from `decidedOn`).
   */
  decide(
    input: {
      decision: Vote;
      grounds: readonly { ground: RefusalGround; reason: string }[];
      protocolNumber: string;
      decidedOn: IsoDate;
      notificationDueDate: IsoDate;
    },
    by: string,
    at: Date,
  ): void {
    applicationStateMachine.next(this.status, input.decision === 'register' ? 'register' : 'refuse');
    if (!this.votes.length) throw new RuleViolationError('F-15', 'no Commission member has voted yet: record the votes first');
    const register = this.votes.filter((v) => v.vote === 'register').length;
    const refuse = this.votes.length - register;
    if (register === refuse)
      throw new RuleViolationError('F-15', `the votes are tied (${register}:${refuse}): the Commission must break the tie before deciding`);
    const majority: Vote = register > refuse ? 'register' : 'refuse';
    if (majority !== input.decision)
      throw new RuleViolationError('F-15', `the decision '${input.decision}' contradicts the votes (${register} register, ${refuse} refuse)`);
    if (input.decision === 'refuse' && !input.grounds.length)
      throw ValidationError.field('grounds', 'a refusal names at least one F-16 ground with its reason', 'required');
    if (input.decision === 'register' && input.grounds.length)
      throw ValidationError.field('grounds', 'a decision to register has no refusal grounds', 'unexpected');
    assertDecisionDate(input.decidedOn, { today: almatyDate(at), sentToCommissionOn: this.sentToCommissionAt ? almatyDate(this.sentToCommissionAt) : null });
    const m = this.m;
    m.decision = input.decision;
    m.decisionGrounds = input.grounds.map((g) => ({ ground: g.ground, reason: g.reason }));
    m.protocolNumber = input.protocolNumber;
    m.decidedOn = input.decidedOn;
    m.decisionRecordedBy = by;
    this.move(input.decision === 'register' ? 'register' : 'refuse', by, at);
    this.record({
      name: 'DecisionRecorded',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      kind: this.kind,
      decision: input.decision,
      grounds: input.grounds.map((g) => g.ground),
      protocolNumber: input.protocolNumber,
      decidedOn: input.decidedOn,
      notificationDueDate: input.notificationDueDate,
    });
  }

  /** F-20: an approved activity-type change takes effect on the participant (the participant records the change). */
  get approvesActivityChange(): boolean {
    return this.kind === 'activity-change' && this.decision === 'register';
  }

  /**
   * F-17: the Fund notified the applicant of the decision — recorded by an officer, or proven by
   * notifications' delivery of the notice (`at` is then the moment of delivery, `now` when it was learnt).
   */
  recordNotification(at: Date, proof: NotificationProof = { via: 'officer-record' }, now: Date = at): void {
    applicationStateMachine.next(this.status, 'record-notification');
    if (this.notifiedAt) throw new ConflictError('registration.application.already-notified', `the applicant was already notified on ${iso(this.notifiedAt)}`);
    this.m.notifiedAt = at;
    this.m.notificationProof = proof;
    this.m.updatedAt = now;
    this.record({ name: 'ApplicantNotified', aggregateId: this.id, occurredAt: at, bin: this.bin });
  }

  private requireRegistrationKind(command: string): void {
    if (this.kind !== 'registration')
      throw new IllegalStateError('application', this.status, command, 'an activity-change application ends with the Commission decision (F-20)');
  }

  /**
   * F-18, F-24: the standard participant contract is signed on `signedOn` (a past or present day,
   * not before the decision) for a term not shorter than the minimum; the certificate number is
   * assigned now. Returns the term.
   */
  signContract(
    contract: { number: string; signedOn: IsoDate; termMonths?: number | undefined },
    rules: { today: IsoDate; minimumTermMonths: number },
    certificateNumber: string,
    participantId: string,
    by: string,
    at: Date,
  ): ParticipationTerm {
    this.requireRegistrationKind('sign-contract');
    applicationStateMachine.next(this.status, 'sign-contract');
    assertContractSigningDate(contract.signedOn, { today: rules.today, decidedOn: this.decidedOn });
    const term = participationTerm(contract.signedOn, contract.termMonths, rules.minimumTermMonths);
    this.move('sign-contract', by, at);
    const m = this.m;
    m.contractNumber = contract.number;
    m.contractSignedOn = contract.signedOn;
    m.termStart = term.termStart;
    m.termEnd = term.termEnd;
    m.certificateNumber = certificateNumber;
    m.participantId = participantId;
    this.record({ name: 'ContractSigned', aggregateId: this.id, occurredAt: at, bin: this.bin });
    return term;
  }

  /** F-18: the registration certificate (Annex 2) is issued. */
  issueCertificate(issuedOn: IsoDate, by: string, at: Date): void {
    this.requireRegistrationKind('issue-certificate');
    this.move('issue-certificate', by, at);
    this.m.certificateIssuedOn = issuedOn;
    this.record({ name: 'ApplicationCertificateIssued', aggregateId: this.id, occurredAt: at, bin: this.bin });
  }

  /** F-19: the participant appears in the public registry. */
  listInRegistry(listedOn: IsoDate, by: string, at: Date): void {
    this.requireRegistrationKind('list-in-registry');
    this.move('list-in-registry', by, at);
    this.m.listedOn = listedOn;
    this.record({ name: 'ApplicationListed', aggregateId: this.id, occurredAt: at, bin: this.bin });
  }
}
