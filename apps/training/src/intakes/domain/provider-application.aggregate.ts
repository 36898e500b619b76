import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, ValidationError } from '@hub/kernel';
import type { CompletenessReview } from './completeness-review.js';
import { assertRemarksIssuedInTime, assertRemarksFixedInTime } from './rules/remarks-deadlines.rule.js';
import { assertTraineesWithinQuotas } from './rules/trainees-within-quotas.rule.js';
import type { Mutable } from './mutable.js';
import type { TrainingEvent } from './intake.events.js';
import type { CourseSyllabus, TypedAttachment } from './intake.types.js';
import { assertInsideIntakeWindow } from './rules/application-window.rule.js';
import { assertActiveParticipant } from './rules/participant-eligibility.rule.js';
import { assertAccuracyDeclared } from './rules/declaration-of-accuracy.rule.js';
import { assertPresentationSlotFree, type PresentationSlot, type ScheduledPresentation } from './rules/presentation-schedule.rule.js';

/**
 * filed (or review-overdue) → complete | refused (F-68) · filed → remarks-issued (F-70) →
 * resubmitted (F-71) → complete | refused · remarks-issued → lapsed (F-71 missed) ·
 * complete → admitted | rejected (the Commission, F-72).
 */
export type ProviderApplicationStatus =
  'filed' | 'review-overdue' | 'remarks-issued' | 'resubmitted' | 'lapsed' | 'complete' | 'refused' | 'admitted' | 'rejected';

/** The training-participation contract signed by the Fund after a positive decision (F-75). */
export interface TrainingContract {
  readonly number: string;
  readonly signedOn: IsoDate;
  readonly documentId: string;
  /** Signed after the F-75 deadline (recorded, visible; not refused). */
  readonly late: boolean;
}

/**
 * How the F-74 notice is proven (issue #16, ADR 0094): the officer's record (the fallback), or the
 * delivery notifications proved (`notifications.notice-delivered`: channel, message id, content hash).
 */
export type DecisionNoticeProof =
  | { readonly via: 'officer-record' }
  | {
      readonly via: 'email' | 'portal';
      readonly messageId: string;
      readonly contentHash: string;
      readonly sourceEventId: string;
      readonly deliveredAt: string;
    };

/** Remarks on an incomplete application (F-70) and the day by which the applicant fixes them (F-71). */
export interface Remarks {
  readonly items: readonly string[];
  readonly issuedOn: IsoDate;
  readonly fixDueOn: IsoDate;
  readonly fixedOn: IsoDate | null;
}

/**
 * A training company's application to an intake (F-65 … F-67): one or more course syllabi, the
 * optional documents of F-65(2)–(6) as typed attachments, the language (F-66 as F-10) and the
 * declaration of accuracy (F-67). Filed only inside the intake's window (F-64) by an active Astana
 * Hub participant (F-77); the Fund reviews its completeness by `reviewDueOn` (F-68, working days).
 */
export class ProviderApplication extends AggregateRoot<TrainingEvent> {
  readonly id!: string;
  readonly intakeId!: string;
  readonly bin!: string;
  readonly language!: 'kk' | 'ru' | 'en';
  readonly courses!: readonly CourseSyllabus[];
  readonly attachments!: readonly TypedAttachment[];
  readonly declarationOfAccuracy!: boolean;
  readonly status!: ProviderApplicationStatus;
  readonly filedBy!: string;
  readonly filedAt!: Date;
  readonly filedOn!: IsoDate;
  readonly reviewDueOn!: IsoDate;
  readonly remarks!: Remarks | null;
  /** Why it was refused (F-68 grounds) or rejected (the Commission, F-72), each citing its rule. */
  readonly refusalReasons!: readonly string[];
  /** F-72: when the applicant presents to the Independent Commission. */
  readonly presentationAt!: Date | null;
  /** F-72: the length of its slot in the Commission's schedule. */
  readonly presentationMinutes!: number | null;
  /** F-72, F-73: the Commission's decision — admitted with a number of quotas, or rejected (reasons in refusalReasons). */
  readonly decidedOn!: IsoDate | null;
  readonly quotas!: number | null;
  /** F-74: the notice of the decision is due by (5 WD) and was sent on. */
  readonly noticeDueOn!: IsoDate | null;
  readonly noticeSentOn!: IsoDate | null;
  /** F-74: how the notice is proven (ADR 0094); null while not sent. */
  readonly noticeProof!: DecisionNoticeProof | null;
  /** F-75: the contract is due by (10 WD of the positive decision). */
  readonly contractDueOn!: IsoDate | null;
  readonly contract!: TrainingContract | null;
  /** Deadlines the Fund missed (rule ids, set by the durable timers): visible on the application and the board. */
  readonly missedDeadlines!: readonly string[];
  /** F-76: how many trainees the provider has listed (the list itself is personal data, kept apart). */
  readonly traineeCount!: number;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<ProviderApplication> {
    return this;
  }

  static file(input: {
    id: string;
    intake: { id: string; opensOn: IsoDate; closesOn: IsoDate };
    bin: string;
    activeParticipant: boolean;
    language: 'kk' | 'ru' | 'en';
    courses: readonly CourseSyllabus[];
    attachments: readonly TypedAttachment[];
    declarationOfAccuracy: boolean;
    filedBy: string;
    filedOn: IsoDate;
    reviewDueOn: IsoDate;
    at: Date;
  }): ProviderApplication {
    assertInsideIntakeWindow(input.intake, input.filedOn); // F-64
    assertActiveParticipant(input.bin, input.activeParticipant, input.filedOn); // F-77
    assertAccuracyDeclared(input.declarationOfAccuracy); // F-67
    if (input.courses.length === 0) throw ValidationError.field('courses', 'at least one course syllabus (F-65(1))');
    input.courses.forEach((c, i) => {
      const weeks = c.curriculum.map((w) => w.week);
      if (new Set(weeks).size !== weeks.length) throw ValidationError.field(`courses.${i}.curriculum`, 'each week appears once');
    });
    const a = new ProviderApplication();
    Object.assign(a, {
      id: input.id,
      intakeId: input.intake.id,
      bin: input.bin,
      language: input.language,
      courses: input.courses,
      attachments: input.attachments,
      declarationOfAccuracy: true,
      status: 'filed',
      filedBy: input.filedBy,
      filedAt: input.at,
      filedOn: input.filedOn,
      reviewDueOn: input.reviewDueOn,
      remarks: null,
      refusalReasons: [],
      presentationAt: null,
      presentationMinutes: null,
      decidedOn: null,
      quotas: null,
      noticeDueOn: null,
      noticeSentOn: null,
      noticeProof: null,
      contractDueOn: null,
      contract: null,
      missedDeadlines: [],
      traineeCount: 0,
      createdAt: input.at,
      updatedAt: input.at,
    });
    a.record({
      name: 'ProviderApplicationFiled',
      aggregateId: input.id,
      occurredAt: input.at,
      intakeId: input.intake.id,
      bin: input.bin,
      language: input.language,
      courses: input.courses,
      attachments: input.attachments,
      filedOn: input.filedOn,
      reviewDueOn: input.reviewDueOn,
    });
    return a;
  }

  /** The F-68 review period ended with the application still unreviewed. Idempotent. */
  markReviewOverdue(at: Date): void {
    if (this.status !== 'filed') return;
    this.m.status = 'review-overdue';
    this.m.updatedAt = at;
    this.record({ name: 'CompletenessReviewBecameOverdue', aggregateId: this.id, occurredAt: at, bin: this.bin, reviewDueOn: this.reviewDueOn });
  }

  /** F-68: the completeness review's result — complete (to the Commission, F-69) or refused with the grounds that apply. */
  applyCompletenessReview(review: CompletenessReview, at: Date): void {
    if (!['filed', 'review-overdue', 'resubmitted'].includes(this.status))
      throw new IllegalStateError('provider application', this.status, 'review', 'only a filed or resubmitted application is reviewed');
    this.m.status = review.result;
    this.m.refusalReasons = review.outcomes.filter((o) => o.refuses).map((o) => `${o.ruleId}: ${o.message}`);
    this.m.updatedAt = at;
    this.record({ name: 'CompletenessReviewed', aggregateId: this.id, occurredAt: at, bin: this.bin, result: review.result, reviewId: review.id });
  }

  /** F-70: the Fund's remarks on an incomplete application, within the review period (10 WD of filing); the applicant has until `fixDueOn` (F-71). */
  issueRemarks(input: { items: readonly string[]; issuedOn: IsoDate; fixDueOn: IsoDate; at: Date }): void {
    if (this.status !== 'filed' && this.status !== 'review-overdue')
      throw new IllegalStateError('provider application', this.status, 'issue remarks on', 'remarks are issued once, on a filed application');
    assertRemarksIssuedInTime({ filedOn: this.filedOn, reviewDueOn: this.reviewDueOn }, input.issuedOn);
    if (input.items.length === 0) throw ValidationError.field('items', 'at least one remark');
    this.m.remarks = { items: input.items, issuedOn: input.issuedOn, fixDueOn: input.fixDueOn, fixedOn: null };
    this.m.status = 'remarks-issued';
    this.m.updatedAt = input.at;
    this.record({
      name: 'RemarksIssued',
      aggregateId: this.id,
      occurredAt: input.at,
      bin: this.bin,
      intakeId: this.intakeId,
      items: input.items,
      issuedOn: input.issuedOn,
      fixDueOn: input.fixDueOn,
    });
  }

  /** F-71: the applicant fixes the remarks (new syllabi and attachments) by the due day; the application is reviewed again. */
  fixRemarks(input: { courses: readonly CourseSyllabus[]; attachments: readonly TypedAttachment[]; fixedOn: IsoDate; at: Date }): void {
    if (this.status !== 'remarks-issued' || !this.remarks)
      throw new IllegalStateError('provider application', this.status, 'fix the remarks of', 'there are no open remarks');
    assertRemarksFixedInTime(this.remarks, input.fixedOn);
    if (input.courses.length === 0) throw ValidationError.field('courses', 'at least one course syllabus (F-65(1))');
    this.m.courses = input.courses;
    this.m.attachments = input.attachments;
    this.m.remarks = { ...this.remarks, fixedOn: input.fixedOn };
    this.m.status = 'resubmitted';
    this.m.updatedAt = input.at;
    this.record({
      name: 'RemarksFixed',
      aggregateId: this.id,
      occurredAt: input.at,
      bin: this.bin,
      intakeId: this.intakeId,
      courses: input.courses,
      attachments: input.attachments,
      fixedOn: input.fixedOn,
    });
  }

  /** F-71: the remarks were not fixed in time — the application lapses and the applicant is notified. Idempotent. */
  lapse(at: Date): boolean {
    if (this.status !== 'remarks-issued') return false;
    this.m.status = 'lapsed';
    this.m.updatedAt = at;
    this.record({ name: 'ProviderApplicationLapsed', aggregateId: this.id, occurredAt: at, bin: this.bin, fixDueOn: this.remarks?.fixDueOn ?? null });
    return true;
  }

  /**
   * F-72: the applicant's presentation to the Commission (a complete application only), in a slot of
   * the intake's schedule that lies ahead and overlaps no other applicant's (presentation-schedule rule).
   */
  schedulePresentation(slot: PresentationSlot, schedule: readonly ScheduledPresentation[], at: Date): void {
    if (this.status !== 'complete')
      throw new IllegalStateError(
        'provider application',
        this.status,
        'schedule a presentation for',
        'only a complete application goes to the Commission (F-69)',
      );
    assertPresentationSlotFree(this.id, slot, schedule, at);
    this.m.presentationAt = slot.at;
    this.m.presentationMinutes = slot.minutes;
    this.m.updatedAt = at;
  }

  /** F-72 … F-75: the Commission's decision, derived from the votes; the notice (5 WD) and, when admitted, the contract (10 WD) become due. */
  decide(input: {
    outcome: 'admitted' | 'rejected';
    quotas: number | null;
    reasons: readonly string[];
    decidedOn: IsoDate;
    noticeDueOn: IsoDate;
    contractDueOn: IsoDate | null;
    at: Date;
  }): void {
    if (this.status !== 'complete')
      throw new IllegalStateError('provider application', this.status, 'decide on', 'only a complete application is decided (F-69)');
    if (input.outcome === 'admitted' && (input.contractDueOn === null || input.quotas === null))
      throw new Error('F-75: an admission carries its quotas and the contract day'); // a programming error, never a user's
    this.m.status = input.outcome;
    this.m.quotas = input.outcome === 'admitted' ? (input.quotas ?? 0) : null;
    this.m.refusalReasons = input.outcome === 'rejected' ? input.reasons : [];
    this.m.decidedOn = input.decidedOn;
    this.m.noticeDueOn = input.noticeDueOn;
    this.m.contractDueOn = input.outcome === 'admitted' ? input.contractDueOn : null;
    this.m.updatedAt = input.at;
    this.record({
      name: 'CommissionDecided',
      aggregateId: this.id,
      occurredAt: input.at,
      intakeId: this.intakeId,
      bin: this.bin,
      outcome: input.outcome,
      quotas: this.quotas,
      reasons: this.refusalReasons,
      decidedOn: input.decidedOn,
      noticeDueOn: input.noticeDueOn,
      contractDueOn: this.contractDueOn,
    });
  }

  /** F-74: the notice of the decision (or reasoned refusal) is sent — once; a late one is recorded as missed. */
  sendDecisionNotice(sentOn: IsoDate, at: Date, proof: DecisionNoticeProof = { via: 'officer-record' }): void {
    if ((this.status !== 'admitted' && this.status !== 'rejected') || !this.noticeDueOn)
      throw new IllegalStateError('provider application', this.status, 'send the decision notice of', 'there is no decision');
    if (this.noticeSentOn) throw new IllegalStateError('provider application', 'notified', 'send the decision notice of', 'the notice was sent');
    this.m.noticeSentOn = sentOn;
    this.m.noticeProof = proof;
    if (sentOn > this.noticeDueOn) this.markDeadlineMissed('F-74', at);
    this.m.updatedAt = at;
  }

  /** F-75: the Fund signs the training-participation contract (an admitted application, once); late → recorded as missed. */
  signContract(input: { number: string; signedOn: IsoDate; documentId: string; at: Date }): void {
    if (this.status !== 'admitted' || !this.contractDueOn)
      throw new IllegalStateError('provider application', this.status, 'sign a contract for', 'only an admitted application gets a contract (F-75)');
    if (this.contract) throw new IllegalStateError('provider application', 'contracted', 'sign a contract for', 'the contract is signed');
    const late = input.signedOn > this.contractDueOn;
    this.m.contract = { number: input.number, signedOn: input.signedOn, documentId: input.documentId, late };
    if (late) this.markDeadlineMissed('F-75', input.at);
    this.m.updatedAt = input.at;
    this.record({
      name: 'TrainingContractSigned',
      aggregateId: this.id,
      occurredAt: input.at,
      intakeId: this.intakeId,
      bin: this.bin,
      contractNumber: input.number,
      signedOn: input.signedOn,
      quotas: this.quotas ?? 0,
    });
  }

  /** A deadline of the Fund passed unmet (a durable timer, or a late act). Idempotent. */
  markDeadlineMissed(ruleId: string, at: Date): void {
    if (this.missedDeadlines.includes(ruleId)) return;
    this.m.missedDeadlines = [...this.missedDeadlines, ruleId];
    this.m.updatedAt = at;
  }

  /** F-76: the provider's trainee list changed (its size only here; the people are personal data, kept apart). */
  traineesListed(count: number, at: Date): void {
    if (this.status !== 'admitted' || !this.contract)
      throw new IllegalStateError('provider application', this.status, 'list trainees for', 'trainees are listed after the contract is signed (F-75, F-76)');
    assertTraineesWithinQuotas(count, this.quotas ?? 0);
    this.m.traineeCount = count;
    this.m.updatedAt = at;
    this.record({
      name: 'TraineeListChanged',
      aggregateId: this.id,
      occurredAt: at,
      intakeId: this.intakeId,
      bin: this.bin,
      traineeCount: count,
      quotas: this.quotas ?? 0,
    });
  }
}
