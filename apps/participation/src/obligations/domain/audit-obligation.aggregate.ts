import { IllegalStateError } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Attachment } from './information-request.aggregate.js';

export type AuditStatus = 'owed' | 'submitted' | 'overdue' | 'submitted-late';

/**
 * F-33: a participant whose annual income exceeds the threshold (100 000 000 KZT) runs an annual
 * audit and submits its opinion by 1 July of the next year. Derived from the declared quarterly
 * income (ADR 0024).
 */
export class AuditObligation {
  id!: string;
  participationId!: string;
  bin!: string;
  financialYear!: number;
  declaredIncomeKzt!: number;
  thresholdKzt!: number;
  dueDate!: IsoDate;
  status!: AuditStatus;
  submittedOn!: IsoDate | null;
  opinion!: Attachment | null;
  createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  version!: number;


  static derive(props: { id: string; participationId: string; bin: string; financialYear: number; declaredIncomeKzt: number; thresholdKzt: number; dueDate: IsoDate }, now: Date): AuditObligation {
    const a = new AuditObligation();
    Object.assign(a, props, { status: 'owed', submittedOn: null, opinion: null, createdAt: now });
    return a;
  }

  submit(on: IsoDate, opinion: Attachment): void {
    if (this.status !== 'owed' && this.status !== 'overdue') throw new IllegalStateError('audit-obligation', this.status, 'submit');
    this.status = this.status === 'overdue' ? 'submitted-late' : 'submitted';
    this.submittedOn = on;
    this.opinion = opinion;
  }

  markOverdue(): boolean {
    if (this.status !== 'owed') return false;
    this.status = 'overdue';
    return true;
  }
}

/** F-33: the audit is owed when the year's declared income exceeds the threshold (strictly above). */
export const auditOwed = (annualIncomeKzt: number, thresholdKzt: number): boolean => annualIncomeKzt > thresholdKzt;
