import { AggregateRoot, IllegalStateError, type Tiyn } from '@hub/kernel';
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
  readonly opinion!: Attachment | null;
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
    Object.assign(a, props, { status: 'owed', submittedOn: null, opinion: null, createdAt: now });
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

  submit(on: IsoDate, opinion: Attachment, now: Date): void {
    if (this.status !== 'owed' && this.status !== 'overdue') throw new IllegalStateError('audit-obligation', this.status, 'submit');
    const late = this.status === 'overdue';
    this.self.status = late ? 'submitted-late' : 'submitted';
    this.self.submittedOn = on;
    this.self.opinion = opinion;
    this.record({ ...this.facts(now), name: 'AuditOpinionSubmitted', financialYear: this.financialYear, late });
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
