import { IllegalStateError } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';

export type InformationKind = 'tax-and-accounting' | 'statistical-reports' | 'tax-declarations' | 'audit-opinion' | 'audit-report' | 'additional-documents';
export type InformationRequestStatus = 'open' | 'answered' | 'overdue' | 'answered-late';

export interface Attachment {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * F-32, F-38 (and the audit report on request, F-33): the Fund asks for documents; the participant
 * provides them within 10 WD; unanswered at the due date the request is overdue — part of
 * early-termination ground F-28(4).
 */
export class InformationRequest {
  id!: string;
  participationId!: string;
  bin!: string;
  kind!: InformationKind;
  description!: string;
  requestedOn!: IsoDate;
  requestedBy!: string;
  dueDate!: IsoDate;
  status!: InformationRequestStatus;
  answeredOn!: IsoDate | null;
  answerNote!: string | null;
  attachments!: Attachment[];
  createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  version!: number;


  static open(props: { id: string; participationId: string; bin: string; kind: InformationKind; description: string; requestedOn: IsoDate; requestedBy: string; dueDate: IsoDate }, now: Date): InformationRequest {
    const r = new InformationRequest();
    Object.assign(r, props, { status: 'open', answeredOn: null, answerNote: null, attachments: [], createdAt: now });
    return r;
  }

  answer(on: IsoDate, note: string, attachments: Attachment[]): void {
    if (this.status !== 'open' && this.status !== 'overdue') throw new IllegalStateError('information-request', this.status, 'answer');
    this.status = this.status === 'overdue' ? 'answered-late' : 'answered';
    this.answeredOn = on;
    this.answerNote = note;
    this.attachments = attachments;
  }

  markOverdue(): boolean {
    if (this.status !== 'open') return false;
    this.status = 'overdue';
    return true;
  }
}
