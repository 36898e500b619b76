import { type IsoDate, almatyDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, ValidationError } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import type { SelectionCriterion } from './rule-set.js';
import { type DocumentIndexEntry, assertDocumentIndex } from './rules/document-index.rule.js';
import { type CriterionAnalysis, assertAnalysisPerCriterion, assertSwotPerCriterion } from './rules/expert-analysis.rule.js';
import { assertTransferableToInstitute } from './rules/institute-transfer.rule.js';
import { assertBeforeDeadline } from './rules/filing-window.rule.js';
import { type MemberConsent, assertMemberConsents, consentDocuments } from './rules/member-consents.rule.js';
import type { SelectionEvent } from './selection.events.js';

export type ApplicationStatus = 'filed' | 'withdrawn' | 'returned' | 'compliant';

/**
 * C-12: the proof that the written notice of a return reached the applicant — notifications'
 * delivery (`notice-delivered`: SMTP accepted, or read in the portal) with its message id and
 * content hash (issue #16, ADR 0094). The first proof stands.
 */
export interface ReturnNoticeDelivery {
  readonly via: 'email' | 'portal';
  readonly deliveredAt: string;
  readonly messageId: string;
  readonly contentHash: string;
  readonly sourceEventId: string;
}

/** C-12: the written notice of a return — each deficiency named — and, once known, its delivery. */
export interface ReturnNotice {
  readonly deficiencies: readonly Deficiency[];
  readonly returnedAt: string;
  readonly returnedBy: string;
  /** Absent on notices returned before delivery was recorded (read as not yet proven). */
  readonly delivery?: ReturnNoticeDelivery | null;
}

/** C-2: who may take part in the selection. */
export type ParticipantKind = 'business-group' | 'regional-chamber' | 'social-entrepreneurial-corporation' | 'sez-management-company' | 'business-association';

/** Annex 1: the application form. */
export interface Annex1Form {
  readonly participantKind: ParticipantKind;
  readonly applicantName: string;
  readonly clusterName: string;
  readonly region: string;
}

/** What the participant files (C-6 … C-10); it answers for its completeness (C-7). */
export interface ApplicationContent {
  readonly form: Annex1Form;
  readonly memberConsents: readonly MemberConsent[];
  /** Annex 3: the cluster's information (shape checked at the boundary, see the DTO). */
  readonly information: Readonly<Record<string, unknown>>;
  readonly documentIndex: readonly DocumentIndexEntry[];
}

export interface ApplicationRevision extends ApplicationContent {
  readonly revision: number;
  readonly at: string;
}

/** C-14, C-15: the national institute's recommendatory opinion on an application. */
export interface ExpertOpinion {
  readonly criteria: readonly CriterionAnalysis[];
  readonly conclusion: string;
  readonly recommendation: 'recommended' | 'not-recommended';
  readonly givenBy: string;
  readonly givenAt: string;
}

export interface Deficiency {
  readonly field: string;
  readonly reason: string;
}

/**
 * A participant's application to a round (C-6 … C-12). Filed, changed and withdrawn only before the
 * round's deadline (C-9, C-11); every change is a new revision, the earlier ones kept. The organiser
 * checks compliance within the set's working days (C-12) and returns a non-compliant one with a
 * written notice naming what is wrong.
 */
export class SelectionApplication extends AggregateRoot<SelectionEvent> {
  readonly id!: string;
  readonly roundId!: string;
  readonly bin!: string;
  readonly status!: ApplicationStatus;
  readonly content!: ApplicationContent;
  readonly revision!: number;
  readonly revisions!: readonly ApplicationRevision[];
  readonly filedAt!: Date;
  readonly filedOn!: IsoDate;
  readonly complianceDueOn!: IsoDate;
  readonly complianceOverdue!: boolean;
  readonly returnNotice!: ReturnNotice | null;
  readonly checkedAt!: Date | null;
  readonly withdrawnAt!: Date | null;
  /** C-13: the last day to send it to the national institute (set when found compliant). */
  readonly instituteDueOn!: IsoDate | null;
  readonly instituteOverdue!: boolean;
  readonly sentToInstituteAt!: Date | null;
  readonly instituteTransferRef!: string | null;
  /** ADR 0113: the organiser's covering letter (C-13) in documents, when named by id. */
  readonly instituteTransferDocumentId!: string | null;
  /** C-14, C-15 */
  readonly expertOpinion!: ExpertOpinion | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<SelectionApplication> {
    return this;
  }

  static file(input: {
    id: string;
    roundId: string;
    bin: string;
    content: ApplicationContent;
    deadline: Date;
    complianceDueOn: (filedOn: IsoDate) => IsoDate;
    at: Date;
  }): SelectionApplication {
    assertBeforeDeadline(input.at, input.deadline, 'filed'); // C-11
    checkContent(input.content);
    const filedOn = almatyDate(input.at);
    const complianceDueOn = input.complianceDueOn(filedOn); // C-12
    const a = new SelectionApplication();
    Object.assign(a, {
      id: input.id,
      roundId: input.roundId,
      bin: input.bin,
      status: 'filed',
      content: input.content,
      revision: 1,
      revisions: [{ revision: 1, at: input.at.toISOString(), ...input.content }],
      filedAt: input.at,
      filedOn,
      complianceDueOn,
      complianceOverdue: false,
      returnNotice: null,
      checkedAt: null,
      withdrawnAt: null,
      instituteDueOn: null,
      instituteOverdue: false,
      sentToInstituteAt: null,
      instituteTransferRef: null,
      instituteTransferDocumentId: null,
      expertOpinion: null,
      createdAt: input.at,
      updatedAt: input.at,
    });
    a.record({
      name: 'ApplicationFiled',
      aggregateId: input.id,
      occurredAt: input.at,
      roundId: input.roundId,
      bin: input.bin,
      filedOn,
      complianceDueOn,
      documentIds: consentDocuments(input.content.memberConsents).map((d) => d.documentId),
    });
    return a;
  }

  /** C-9: a change by written notice until the deadline, as a new revision. */
  change(content: ApplicationContent, deadline: Date, at: Date): void {
    if (this.status !== 'filed') throw new IllegalStateError('application', this.status, 'change', 'only a filed application can be changed');
    assertBeforeDeadline(at, deadline, 'changed');
    checkContent(content);
    const revision = this.revision + 1;
    this.m.content = content;
    this.m.revision = revision;
    this.m.revisions = [...this.revisions, { revision, at: at.toISOString(), ...content }];
    this.m.updatedAt = at;
    this.record({
      name: 'ApplicationChanged',
      aggregateId: this.id,
      occurredAt: at,
      roundId: this.roundId,
      bin: this.bin,
      revision,
      documentIds: consentDocuments(content.memberConsents).map((d) => d.documentId),
    });
  }

  /**
   * C-9: a withdrawal by written notice until the deadline — whatever the compliance check (C-12)
   * found (ADR 0084): a filed, compliant (also one already sent to the institute, C-13) or returned
   * application. A withdrawn one leaves the institute's review and never reaches the Commission.
   */
  withdraw(deadline: Date, at: Date): void {
    if (this.status === 'withdrawn') throw new IllegalStateError('application', this.status, 'withdraw', 'it is withdrawn already');
    assertBeforeDeadline(at, deadline, 'withdrawn');
    this.m.status = 'withdrawn';
    this.m.withdrawnAt = at;
    this.m.updatedAt = at;
    this.record({ name: 'ApplicationWithdrawn', aggregateId: this.id, occurredAt: at, roundId: this.roundId, bin: this.bin });
  }

  /** C-12: the organiser returns a non-compliant application with a written notice naming each deficiency. */
  returnForNonCompliance(deficiencies: readonly Deficiency[], by: string, at: Date): void {
    if (this.status !== 'filed') throw new IllegalStateError('application', this.status, 'return', 'only a filed application is checked');
    if (deficiencies.length === 0) throw ValidationError.field('deficiencies', 'C-12: the notice names what does not comply');
    this.m.status = 'returned';
    this.m.returnNotice = { deficiencies, returnedAt: at.toISOString(), returnedBy: by };
    this.m.checkedAt = at;
    this.m.updatedAt = at;
    this.record({ name: 'ApplicationReturned', aggregateId: this.id, occurredAt: at, roundId: this.roundId, bin: this.bin, deficiencies });
  }

  /**
   * C-12: the written notice of the return reached the applicant (issue #16, ADR 0094). Recorded
   * once: returns false — nothing changed — when a delivery is already recorded (e-mail and portal
   * each prove it; the first stands).
   */
  recordReturnNoticeDelivered(delivery: ReturnNoticeDelivery, at: Date): boolean {
    if (this.status !== 'returned' || !this.returnNotice)
      throw new IllegalStateError('application', this.status, 'record the delivery of the return notice of', 'only a returned application has one');
    if (this.returnNotice.delivery) return false;
    this.m.returnNotice = { ...this.returnNotice, delivery };
    this.m.updatedAt = at;
    return true;
  }

  /**
   * C-12: the organiser finds the application compliant; it goes on to the national institute by
   * `instituteDueOn` (C-13, counted from the end of the check period: see institute-transfer.rule).
   */
  findCompliant(at: Date, instituteDueOn: (checkPeriodEndsOn: IsoDate) => IsoDate): void {
    if (this.status !== 'filed') throw new IllegalStateError('application', this.status, 'find compliant', 'only a filed application is checked');
    this.m.status = 'compliant';
    this.m.instituteDueOn = instituteDueOn(this.complianceDueOn);
    this.m.checkedAt = at;
    this.m.updatedAt = at;
    this.record({ name: 'ApplicationFoundCompliant', aggregateId: this.id, occurredAt: at, roundId: this.roundId, bin: this.bin });
  }

  /** C-13: the organiser sends the compliant application to the national institute (a recorded hand-over). */
  sendToInstitute(input: { documentRef: string; documentId?: string | null; opinionsDueOn: IsoDate; at: Date }): void {
    assertTransferableToInstitute(this.status, this.sentToInstituteAt);
    this.m.sentToInstituteAt = input.at;
    this.m.instituteTransferRef = input.documentRef;
    this.m.instituteTransferDocumentId = input.documentId ?? null;
    this.m.updatedAt = input.at;
    this.record({
      name: 'ApplicationSentToInstitute',
      aggregateId: this.id,
      occurredAt: input.at,
      roundId: this.roundId,
      bin: this.bin,
      documentRef: input.documentRef,
      documentId: input.documentId ?? null,
      opinionsDueOn: input.opinionsDueOn,
    });
  }

  /**
   * C-14, C-15: an expert of the institute gives the opinion — a SWOT and a finding per Annex 4
   * criterion of the round's rule set, a conclusion and a recommendation. Once, while the institute
   * still has the application (before the round's comparative assessment closes the analysis).
   */
  giveOpinion(input: {
    criteria: readonly SelectionCriterion[];
    analyses: readonly CriterionAnalysis[];
    conclusion: string;
    recommendation: 'recommended' | 'not-recommended';
    by: string;
    analysisClosed: boolean;
    at: Date;
  }): void {
    if (this.sentToInstituteAt === null || this.status !== 'compliant')
      throw new IllegalStateError(
        'application',
        this.status,
        'give an expert opinion on',
        'C-14: the institute analyses the compliant applications sent to it (C-13), not a withdrawn one (C-9)',
      );
    if (this.expertOpinion !== null) throw new IllegalStateError('application', 'opinion-given', 'give an expert opinion on', 'the opinion is given once');
    if (input.analysisClosed)
      throw new IllegalStateError('application', 'compared', 'give an expert opinion on', "C-14: the round's comparative assessment closed the analysis");
    assertAnalysisPerCriterion(input.criteria, input.analyses); // C-14
    assertSwotPerCriterion(input.analyses); // C-15
    // Stored in the rule set's order of the criteria.
    const ordered = input.criteria.map((c) => input.analyses.find((a) => a.code === c.code)!);
    this.m.expertOpinion = {
      criteria: ordered,
      conclusion: input.conclusion,
      recommendation: input.recommendation,
      givenBy: input.by,
      givenAt: input.at.toISOString(),
    };
    this.m.updatedAt = input.at;
    this.record({
      name: 'OpinionGiven',
      aggregateId: this.id,
      occurredAt: input.at,
      roundId: this.roundId,
      bin: this.bin,
      recommendation: input.recommendation,
      findings: ordered.map((a) => ({ code: a.code, finding: a.finding })),
    });
  }

  /** The C-13 timer: the transfer period ended with the application not sent. Idempotent. */
  markInstituteOverdue(at: Date): void {
    if (this.status !== 'compliant' || this.sentToInstituteAt !== null || this.instituteOverdue || !this.instituteDueOn) return;
    this.m.instituteOverdue = true;
    this.m.updatedAt = at;
    this.record({
      name: 'ExpertStageOverdue',
      aggregateId: this.id,
      occurredAt: at,
      ruleId: 'C-13',
      step: 'institute-transfer',
      roundId: this.roundId,
      applicationId: this.id,
      dueOn: this.instituteDueOn,
    });
  }

  /** The C-12 timer: the check period ended with the application unchecked. Idempotent. */
  markComplianceOverdue(at: Date): void {
    if (this.status !== 'filed' || this.complianceOverdue) return;
    this.m.complianceOverdue = true;
    this.m.updatedAt = at;
    this.record({
      name: 'ComplianceCheckOverdue',
      aggregateId: this.id,
      occurredAt: at,
      roundId: this.roundId,
      bin: this.bin,
      complianceDueOn: this.complianceDueOn,
    });
  }
}

function checkContent(content: ApplicationContent): void {
  assertMemberConsents(content.memberConsents); // C-7, Annex 2
  assertDocumentIndex(content.documentIndex); // C-8, C-10
}
