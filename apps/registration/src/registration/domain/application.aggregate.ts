import { AggregateRoot, ConflictError, type DomainEvent, IllegalStateError, RuleViolationError, ValidationError, type FieldIssue } from '@hub/kernel';
import type { ActivityTypeCatalogue, SelectedActivityType } from './activity-type-catalogue.js';
import { type ApplicationKind, type ApplicationStatus, applicationStateMachine } from './application-status.js';
import { type BusinessPlanDraft, businessPlanIssues, isRemarkableField } from './business-plan.js';
import type { EligibilityDeclaration, TaxCertificate } from './eligibility/eligibility-rule.js';
import type { EligibilityEvaluation } from './eligibility/eligibility-rule-set.js';

export type Language = 'kk' | 'ru' | 'en';
export type Vote = 'register' | 'refuse';
export type RefusalGround = 'business-plan-not-per-annex-1' | 'activity-not-in-priority-list';

/** F-9(3): proof of the place where the applicant will operate. */
export interface PlaceOfBusiness {
  readonly address: string;
  /** e.g. lease contract, title deed. */
  readonly proofKind: string;
  /** Number/reference of the proving document in the Fund's document store. */
  readonly documentRef: string;
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

export interface StatusChange {
  readonly at: string;
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly by: string;
}

export interface ApplicationSnapshot {
  id: string;
  kind: ApplicationKind;
  bin: string;
  companyName: string;
  address: string;
  language: Language;
  status: ApplicationStatus;
  activityTypes: SelectedActivityType[];
  businessPlan: BusinessPlanDraft | null;
  taxCertificate: TaxCertificate | null;
  placeOfBusiness: PlaceOfBusiness | null;
  eligibility: EligibilityDeclaration | null;
  eligibilityEvaluation: EligibilityEvaluation | null;
  /** For an activity-change application: the participant it changes. */
  participantId: string | null;
  filedAt: string | null;
  filedOn: string | null;
  lastSubmittedAt: string | null;
  remarks: Remark[];
  sentToCommissionAt: string | null;
  votes: CommissionVote[];
  decision: CommissionDecision | null;
  notifiedAt: string | null;
  contract: ContractRecord | null;
  certificateNumber: string | null;
  certificateIssuedOn: string | null;
  listedOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  history: StatusChange[];
}

export interface ApplicationEvent extends DomainEvent {
  readonly name: 'ApplicationSubmitted' | 'ApplicationResubmitted' | 'RemarksIssued' | 'SentToCommission' | 'DecisionRecorded' | 'ContractSigned' | 'CertificateIssued' | 'ParticipantListed';
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

const iso = (d: Date): string => d.toISOString();

/**
 * A participation application (F-8) or an application to change activity types (F-20). It holds
 * the state machine, the Annex 1 completeness rule, the eligibility outcome it was filed with,
 * the remarks, the Commission's votes and protocol, the contract and the certificate number.
 */
export class Application extends AggregateRoot<ApplicationEvent> {
  private constructor(private s: ApplicationSnapshot) {
    super();
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
    return new Application({
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
      notifiedAt: null,
      contract: null,
      certificateNumber: null,
      certificateIssuedOn: null,
      listedOn: null,
      createdBy: input.by,
      createdAt: iso(input.at),
      updatedAt: iso(input.at),
      history: [{ at: iso(input.at), from: null, to: 'draft', by: input.by }],
    });
  }

  static restore(snapshot: ApplicationSnapshot): Application {
    return new Application(structuredClone(snapshot));
  }

  snapshot(): ApplicationSnapshot {
    return structuredClone(this.s);
  }

  get id(): string {
    return this.s.id;
  }
  get kind(): ApplicationKind {
    return this.s.kind;
  }
  get bin(): string {
    return this.s.bin;
  }
  get status(): ApplicationStatus {
    return this.s.status;
  }
  get companyName(): string {
    return this.s.companyName;
  }
  get language(): Language {
    return this.s.language;
  }
  get filedOn(): string | null {
    return this.s.filedOn;
  }
  get decision(): CommissionDecision | null {
    return this.s.decision;
  }
  get activityTypes(): readonly SelectedActivityType[] {
    return this.s.activityTypes;
  }

  private move(command: Parameters<typeof applicationStateMachine.next>[1], by: string, at: Date): void {
    const to = applicationStateMachine.next(this.s.status, command);
    this.s.history.push({ at: iso(at), from: this.s.status, to, by });
    this.s.status = to;
    this.s.updatedAt = iso(at);
  }

  private emit(name: ApplicationEvent['name'], at: Date): void {
    this.record({ name, aggregateId: this.s.id, occurredAt: at });
  }

  /** The applicant fills the draft, or corrects it while remarks are open (F-14). */
  editDraft(patch: DraftPatch, at: Date): void {
    applicationStateMachine.next(this.s.status, 'edit-draft');
    if (patch.companyName !== undefined) this.s.companyName = patch.companyName;
    if (patch.address !== undefined) this.s.address = patch.address;
    if (patch.language !== undefined) this.s.language = patch.language;
    if (patch.activityTypes !== undefined) this.s.activityTypes = patch.activityTypes;
    if (patch.businessPlan !== undefined) this.s.businessPlan = patch.businessPlan;
    if (patch.taxCertificate !== undefined) this.s.taxCertificate = patch.taxCertificate;
    if (patch.placeOfBusiness !== undefined) this.s.placeOfBusiness = patch.placeOfBusiness;
    if (patch.eligibility !== undefined) this.s.eligibility = patch.eligibility;
    this.s.updatedAt = iso(at);
  }

  /** F-9 completeness: the documents of F-9(1)–(3), the declaration of F-7 and the Annex 1 plan. */
  completenessIssues(catalogue: ActivityTypeCatalogue): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (!this.s.activityTypes.length) issues.push({ path: 'activityTypes', message: 'choose at least one priority ICT activity type (F-7(7))', code: 'required' });
    if (this.s.kind === 'registration') {
      if (!this.s.eligibility) issues.push({ path: 'eligibility', message: 'the eligibility declaration of F-7 is required', code: 'required' });
      if (!this.s.taxCertificate) issues.push({ path: 'taxCertificate', message: 'the tax authority information on tax debt is required (F-9(2))', code: 'required' });
      if (!this.s.placeOfBusiness) issues.push({ path: 'placeOfBusiness', message: 'proof of the place of business is required (F-9(3))', code: 'required' });
    }
    issues.push(...businessPlanIssues(this.s.businessPlan, this.s.activityTypes, catalogue));
    return issues;
  }

  /** What eligibility is checked against (the handler runs the rule set with reference data). */
  eligibilityInputs(): { declaration: EligibilityDeclaration | null; taxCertificate: TaxCertificate | null; activityTypes: readonly SelectedActivityType[] } {
    return { declaration: this.s.eligibility, taxCertificate: this.s.taxCertificate, activityTypes: this.s.activityTypes };
  }

  private file(evaluation: EligibilityEvaluation, catalogue: ActivityTypeCatalogue): void {
    const issues = this.completenessIssues(catalogue);
    if (issues.length) throw new ValidationError(issues, `the application is incomplete: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'registration.application.incomplete');
    if (!evaluation.eligible) {
      const failed = evaluation.outcomes.filter((o) => o.outcome === 'failed');
      throw new RuleViolationError(failed[0]!.ruleId, `the applicant does not meet ${failed.map((f) => `${f.ruleId} (${f.message})`).join('; ')}`, {
        outcomes: failed.map((f) => ({ ruleId: f.ruleId, field: f.field, message: f.message })),
      });
    }
    this.s.eligibilityEvaluation = evaluation;
  }

  /** F-8: the applicant files the application. Completeness (F-9) and eligibility (F-7, F-9(2)) are checked first. */
  submit(evaluation: EligibilityEvaluation, catalogue: ActivityTypeCatalogue, by: string, at: Date, filedOn: string): void {
    applicationStateMachine.next(this.s.status, 'submit');
    this.file(evaluation, catalogue);
    this.s.filedAt = iso(at);
    this.s.filedOn = filedOn;
    this.s.lastSubmittedAt = iso(at);
    this.move('submit', by, at);
    this.emit('ApplicationSubmitted', at);
  }

  /** F-14: remarks, each tied to a field of the application. */
  issueRemarks(remarks: readonly { id: string; field: string; message: string }[], by: string, at: Date): Remark[] {
    applicationStateMachine.next(this.s.status, 'issue-remarks');
    if (!remarks.length) throw ValidationError.field('remarks', 'at least one remark is required', 'required');
    const issues = remarks.flatMap((r, i) => (isRemarkableField(r.field) ? [] : [{ path: `remarks.${i}.field`, message: `${r.field} is not a field of the application`, code: 'unknown-field' }]));
    if (issues.length) throw new ValidationError(issues);
    const round = Math.max(0, ...this.s.remarks.map((r) => r.round)) + 1;
    const added = remarks.map((r) => ({ id: r.id, round, field: r.field, message: r.message, issuedAt: iso(at), issuedBy: by }));
    this.s.remarks.push(...added);
    this.move('issue-remarks', by, at);
    this.emit('RemarksIssued', at);
    return added;
  }

  openRemarks(): Remark[] {
    return this.s.remarks.filter((r) => r.answer === undefined);
  }

  /** F-14, F-15: the applicant answers every open remark and files again. */
  resubmit(answers: readonly { remarkId: string; answer: string }[], evaluation: EligibilityEvaluation, catalogue: ActivityTypeCatalogue, by: string, at: Date): void {
    applicationStateMachine.next(this.s.status, 'resubmit');
    const open = this.openRemarks();
    const issues: FieldIssue[] = [];
    answers.forEach((a, i) => {
      if (!open.some((r) => r.id === a.remarkId)) issues.push({ path: `answers.${i}.remarkId`, message: `${a.remarkId} is not an open remark of this application`, code: 'unknown-remark' });
    });
    for (const r of open) if (!answers.some((a) => a.remarkId === r.id)) issues.push({ path: 'answers', message: `remark ${r.id} (${r.field}) has no answer`, code: 'remark-unanswered' });
    if (issues.length) throw new ValidationError(issues);
    this.file(evaluation, catalogue);
    this.s.remarks = this.s.remarks.map((r) => {
      const a = answers.find((x) => x.remarkId === r.id);
      return a && r.answer === undefined ? { ...r, answer: a.answer, answeredAt: iso(at) } : r;
    });
    this.s.lastSubmittedAt = iso(at);
    this.move('resubmit', by, at);
    this.emit('ApplicationResubmitted', at);
  }

  /** F-13, F-15: a complete application goes to the selection Commission. */
  sendToCommission(by: string, at: Date): void {
    this.move('send-to-commission', by, at);
    this.s.sentToCommissionAt = iso(at);
    this.s.votes = [];
    this.emit('SentToCommission', at);
  }

  /** One vote per Commission member; voting again replaces the member's vote. */
  castVote(vote: Omit<CommissionVote, 'castAt'>, at: Date): void {
    applicationStateMachine.next(this.s.status, 'cast-vote');
    if (vote.vote === 'refuse' && !vote.grounds.length) throw ValidationError.field('grounds', 'a vote to refuse names at least one F-16 ground', 'required');
    this.s.votes = [...this.s.votes.filter((v) => v.member !== vote.member), { ...vote, castAt: iso(at) }];
    this.s.updatedAt = iso(at);
  }

  /**
   * F-15, F-16, F-20: the Commission's decision, recorded by its secretary as a protocol. It
   * follows the majority of the recorded votes (ADR 0014); a refusal names F-16 grounds with reasons.
   */
  decide(input: { decision: Vote; grounds: readonly { ground: RefusalGround; reason: string }[]; protocolNumber: string; decidedOn: string }, by: string, at: Date): void {
    applicationStateMachine.next(this.s.status, input.decision === 'register' ? 'register' : 'refuse');
    if (!this.s.votes.length) throw new RuleViolationError('F-15', 'no Commission member has voted yet: record the votes first');
    const register = this.s.votes.filter((v) => v.vote === 'register').length;
    const refuse = this.s.votes.length - register;
    if (register === refuse) throw new RuleViolationError('F-15', `the votes are tied (${register}:${refuse}): the Commission must break the tie before deciding`);
    const majority: Vote = register > refuse ? 'register' : 'refuse';
    if (majority !== input.decision) throw new RuleViolationError('F-15', `the decision '${input.decision}' contradicts the votes (${register} register, ${refuse} refuse)`);
    if (input.decision === 'refuse' && !input.grounds.length) throw ValidationError.field('grounds', 'a refusal names at least one F-16 ground with its reason', 'required');
    if (input.decision === 'register' && input.grounds.length) throw ValidationError.field('grounds', 'a decision to register has no refusal grounds', 'unexpected');
    this.s.decision = { decision: input.decision, grounds: input.grounds, protocolNumber: input.protocolNumber, decidedOn: input.decidedOn, recordedBy: by, votes: this.s.votes };
    this.move(input.decision === 'register' ? 'register' : 'refuse', by, at);
    this.emit('DecisionRecorded', at);
  }

  /** F-17: the Fund notified the applicant of the decision. */
  recordNotification(at: Date): void {
    applicationStateMachine.next(this.s.status, 'record-notification');
    if (this.s.notifiedAt) throw new ConflictError('registration.application.already-notified', `the applicant was already notified on ${this.s.notifiedAt}`);
    this.s.notifiedAt = iso(at);
    this.s.updatedAt = iso(at);
  }

  private requireRegistrationKind(command: string): void {
    if (this.s.kind !== 'registration') throw new IllegalStateError('application', this.s.status, command, 'an activity-change application ends with the Commission decision (F-20)');
  }

  /** F-18: the standard participant contract is signed; the certificate number is assigned now. */
  signContract(contract: ContractRecord, certificateNumber: string, participantId: string, by: string, at: Date): void {
    this.requireRegistrationKind('sign-contract');
    this.move('sign-contract', by, at);
    this.s.contract = contract;
    this.s.certificateNumber = certificateNumber;
    this.s.participantId = participantId;
    this.emit('ContractSigned', at);
  }

  get contract(): ContractRecord | null {
    return this.s.contract;
  }
  get certificateNumber(): string | null {
    return this.s.certificateNumber;
  }
  get participantId(): string | null {
    return this.s.participantId;
  }

  /** F-18: the registration certificate (Annex 2) is issued. */
  issueCertificate(issuedOn: string, by: string, at: Date): void {
    this.requireRegistrationKind('issue-certificate');
    this.move('issue-certificate', by, at);
    this.s.certificateIssuedOn = issuedOn;
    this.emit('CertificateIssued', at);
  }

  /** F-19: the participant appears in the public registry. */
  listInRegistry(listedOn: string, by: string, at: Date): void {
    this.requireRegistrationKind('list-in-registry');
    this.move('list-in-registry', by, at);
    this.s.listedOn = listedOn;
    this.emit('ParticipantListed', at);
  }
}
