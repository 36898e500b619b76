import { AggregateRoot, IllegalStateError, ValidationError } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { InformationRequestEvent } from './obligation.events.js';
import { ruleOfInformationRequest, type Attachment, type InformationKind, type InformationRequestStatus } from './obligation.types.js';

export type { Attachment, InformationKind, InformationRequestStatus } from './obligation.types.js';

/**
 * F-32, F-38 (and the audit report on request, F-33): the Fund asks for documents; the participant
 * provides them within 10 WD; unanswered at the due date the request is overdue — part of
 * early-termination ground F-28(4).
 */
export class InformationRequest extends AggregateRoot<InformationRequestEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly kind!: InformationKind;
  readonly description!: string;
  readonly requestedOn!: IsoDate;
  readonly requestedBy!: string;
  readonly dueDate!: IsoDate;
  readonly status!: InformationRequestStatus;
  readonly answeredOn!: IsoDate | null;
  readonly answerNote!: string | null;
  /** Deprecated (issue #10): documents described by the client's metadata only. */
  readonly attachments!: readonly Attachment[];
  /** Issue #10: the answer's documents in the documents context (attached to the request there). */
  readonly documentIds!: readonly string[];
  readonly createdAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  readonly version!: number;

  private get self(): Mutable<InformationRequest> {
    return this;
  }

  /** F-32, F-38: requested of an active participation (a participation that ended owes nothing more). */
  static open(
    props: {
      id: string;
      participation: { id: string; bin: string; status: string; isActive(): boolean };
      kind: InformationKind;
      description: string;
      requestedOn: IsoDate;
      requestedBy: string;
      dueDate: IsoDate;
    },
    now: Date,
  ): InformationRequest {
    const p = props.participation;
    if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'request information from');
    const r = new InformationRequest();
    Object.assign(r, {
      id: props.id,
      participationId: p.id,
      bin: p.bin,
      kind: props.kind,
      description: props.description,
      requestedOn: props.requestedOn,
      requestedBy: props.requestedBy,
      dueDate: props.dueDate,
      status: 'open',
      answeredOn: null,
      answerNote: null,
      attachments: [],
      documentIds: [],
      createdAt: now,
    });
    r.record({ ...r.facts(now), name: 'InformationRequested', kind: r.kind });
    return r;
  }

  /** Whether the request's due-date timer still runs. */
  get awaitsAnswer(): boolean {
    return this.status === 'open';
  }

  /** F-32, F-38: the answer, with its documents by id (issue #10) and/or the deprecated metadata; at least one document. */
  answer(on: IsoDate, note: string, documents: { documentIds: readonly string[]; attachments: readonly Attachment[] }, now: Date): void {
    if (this.status !== 'open' && this.status !== 'overdue') throw new IllegalStateError('information-request', this.status, 'answer');
    if (!documents.documentIds.length && !documents.attachments.length)
      throw ValidationError.field('documentIds', `${this.ruleId}: the requested documents are required`, 'documents-required');
    const late = this.status === 'overdue';
    this.self.status = late ? 'answered-late' : 'answered';
    this.self.answeredOn = on;
    this.self.answerNote = note;
    this.self.attachments = [...documents.attachments];
    this.self.documentIds = [...documents.documentIds];
    this.record({ ...this.facts(now), name: 'InformationRequestAnswered', kind: this.kind, late, answeredOn: on, documentIds: this.documentIds });
  }

  /** The rule the request rests on: F-38 extra documents in monitoring, F-33 the audit report on request, else F-32. */
  get ruleId(): 'F-32' | 'F-33' | 'F-38' {
    return ruleOfInformationRequest(this.kind);
  }

  /** F-32, F-38: unanswered at the due date — overdue (part of ground F-28(4)). Returns whether it changed. */
  markOverdue(now: Date): boolean {
    if (this.status !== 'open') return false;
    this.self.status = 'overdue';
    this.record({ ...this.facts(now), name: 'InformationRequestBecameOverdue', kind: this.kind });
    return true;
  }

  private facts(now: Date) {
    return { aggregateId: this.id, occurredAt: now, participationId: this.participationId, bin: this.bin, dueDate: this.dueDate };
  }
}
