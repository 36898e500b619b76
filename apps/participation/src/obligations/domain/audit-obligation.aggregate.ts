import { AggregateRoot, IllegalStateError, ValidationError, type Tiyn } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { Attachment } from './information-request.aggregate.js';
import type { AuditObligationEvent } from './obligation.events.js';

export type AuditStatus = 'owed' | 'submitted' | 'overdue' | 'submitted-late';

/**
 * F-33: a participant whose annual income exceeds the threshold (100 000 000 KZT) runs an annual
 * audit and submits its opinion by 1 July of the next year. Derived from the declared quarterly
 * income (ADR 0024). Amounts are integer tiyn (ADR 0036).
 */
export class AuditObligation extends AggregateRoot<AuditObligationEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly financialYear!: number;
  /** The year's declared income it was derived from (F-33), in tiyn. */
  readonly declaredIncomeTiyn!: Tiyn;
  /** The F-33 threshold in force for the year, in tiyn. */
  readonly thresholdTiyn!: Tiyn;
  readonly dueDate!: IsoDate;
  readonly status!: AuditStatus;
  readonly submittedOn!: IsoDate | null;
  /** Deprecated (issue #10): the opinion described by the client's metadata only. */
  readonly opinion!: Attachment | null;
  /** Issue #10: the opinion in the documents context (kind audit-opinion), attached to the obligation there. */
  readonly opinionDocumentId!: string | null;
  readonly createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  readonly version!: number;

  private get self(): Mutable<AuditObligation> {
    return this;
  }

  static derive(
    props: { id: string; participationId: string; bin: string; financialYear: number; declaredIncomeTiyn: Tiyn; thresholdTiyn: Tiyn; dueDate: IsoDate },
    now: Date,
  ): AuditObligation {
    const a = new AuditObligation();
    Object.assign(a, props, { status: 'owed', submittedOn: null, opinion: null, opinionDocumentId: null, createdAt: now });
    a.record({ ...a.facts(now), name: 'AuditOpinionOwed', financialYear: a.financialYear });
    return a;
  }

  /** F-33: a later declaration of the same year changes the income the obligation rests on. */
  reviseDeclaredIncome(annualIncome: Tiyn): void {
    this.self.declaredIncomeTiyn = annualIncome;
  }

  /** Whether the opinion's due-date timer still runs. */
  get awaitsOpinion(): boolean {
    return this.status === 'owed';
  }

  /** F-33: the opinion by id (issue #10) or, deprecated, by the client's metadata. */
  submit(on: IsoDate, opinion: { documentId: string | null; metadata: Attachment | null }, now: Date): void {
    if (this.status !== 'owed' && this.status !== 'overdue') throw new IllegalStateError('audit-obligation', this.status, 'submit');
    if (opinion.documentId === null && opinion.metadata === null)
      throw ValidationError.field('documentId', 'F-33: the audit opinion is required', 'documents-required');
    const late = this.status === 'overdue';
    this.self.status = late ? 'submitted-late' : 'submitted';
    this.self.submittedOn = on;
    this.self.opinion = opinion.metadata;
    this.self.opinionDocumentId = opinion.documentId;
    this.record({
      ...this.facts(now),
      name: 'AuditOpinionSubmitted',
      financialYear: this.financialYear,
      late,
      submittedOn: on,
      documentIds: opinion.documentId ? [opinion.documentId] : [],
    });
  }

  /** F-33: 1 July passed without the opinion. Returns whether it changed. */
  markOverdue(now: Date): boolean {
    if (this.status !== 'owed') return false;
    this.self.status = 'overdue';
    this.record({ ...this.facts(now), name: 'AuditOpinionBecameOverdue', financialYear: this.financialYear });
    return true;
  }

  private facts(now: Date) {
    return { aggregateId: this.id, occurredAt: now, participationId: this.participationId, bin: this.bin, dueDate: this.dueDate };
  }
}

/** F-33: the audit is owed when the year's declared income exceeds the threshold (strictly above). */
export const auditOwed = (annualIncome: Tiyn, threshold: Tiyn): boolean => annualIncome > threshold;
