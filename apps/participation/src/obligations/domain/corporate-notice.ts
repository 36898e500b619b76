import { AggregateRoot, ValidationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';
import type { Attachment } from './information-request.aggregate.js';
import type { CorporateNoticeEvent } from './obligation.events.js';

/** F-34: the participant notifies re-registration or liquidation within 10 WD, with copies of the documents. */
export class CorporateNotice extends AggregateRoot<CorporateNoticeEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly kind!: 're-registration' | 'liquidation';
  readonly eventDate!: IsoDate;
  readonly filedOn!: IsoDate;
  readonly dueDate!: IsoDate;
  readonly onTime!: boolean;
  readonly description!: string;
  /** Deprecated (issue #10): copies described by the client's metadata only. */
  readonly copies!: readonly Attachment[];
  /** Issue #10: the copies of the decision in the documents context (kind decision-copy), attached to the notice there. */
  readonly documentIds!: readonly string[];
  readonly createdAt!: Date;

  /** F-34: the event has happened (not in the future); filed within 10 WD of it (`dueDate`) it is on time, later it is recorded as late. */
  static file(
    props: {
      id: string;
      participationId: string;
      bin: string;
      kind: 're-registration' | 'liquidation';
      eventDate: IsoDate;
      filedOn: IsoDate;
      dueDate: IsoDate;
      description: string;
      copies: readonly Attachment[];
      documentIds: readonly string[];
    },
    now: Date,
  ): CorporateNotice {
    if (compareIsoDates(props.eventDate, props.filedOn) > 0) throw ValidationError.field('eventDate', 'cannot be in the future', 'notice.future');
    if (!props.copies.length && !props.documentIds.length)
      throw ValidationError.field('documentIds', 'F-34: copies of the decision are required', 'documents-required');
    const n = new CorporateNotice();
    Object.assign(n, props, {
      copies: [...props.copies],
      documentIds: [...props.documentIds],
      onTime: compareIsoDates(props.filedOn, props.dueDate) <= 0,
      createdAt: now,
    });
    n.record({
      name: 'CorporateNoticeFiled',
      aggregateId: n.id,
      occurredAt: now,
      participationId: n.participationId,
      bin: n.bin,
      dueDate: n.dueDate,
      kind: n.kind,
      onTime: n.onTime,
      eventDate: n.eventDate,
      filedOn: n.filedOn,
      documentIds: n.documentIds,
    });
    return n;
  }
}
