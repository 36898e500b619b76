import type { DomainEvent } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';
import type { InformationKind } from './obligation.types.js';

interface ObligationFacts extends DomainEvent {
  readonly participationId: string;
  readonly bin: string;
  readonly dueDate: IsoDate;
}

/** F-32, F-38 (F-33 audit report): the Fund asked for documents (internal), they came (internal), or the due date passed (deadline-missed). */
export type InformationRequestEvent =
  | (ObligationFacts & { readonly name: 'InformationRequested'; readonly kind: InformationKind })
  | (ObligationFacts & {
      readonly name: 'InformationRequestAnswered';
      readonly kind: InformationKind;
      readonly late: boolean;
      readonly answeredOn: IsoDate;
      readonly documentIds: readonly string[];
    })
  | (ObligationFacts & { readonly name: 'InformationRequestBecameOverdue'; readonly kind: InformationKind });

/** F-33: the audit opinion became owed (internal), was submitted (internal), or was not submitted by 1 July (deadline-missed). */
export type AuditObligationEvent =
  | (ObligationFacts & { readonly name: 'AuditOpinionOwed'; readonly financialYear: number })
  | (ObligationFacts & {
      readonly name: 'AuditOpinionSubmitted';
      readonly financialYear: number;
      readonly late: boolean;
      readonly submittedOn: IsoDate;
      readonly documentIds: readonly string[];
    })
  | (ObligationFacts & { readonly name: 'AuditOpinionBecameOverdue'; readonly financialYear: number });

/** F-34: a re-registration or liquidation was notified (internal; a liquidation grounds F-28(5)). */
export type CorporateNoticeEvent = ObligationFacts & {
  readonly name: 'CorporateNoticeFiled';
  readonly kind: 're-registration' | 'liquidation';
  readonly onTime: boolean;
  readonly eventDate: IsoDate;
  readonly filedOn: IsoDate;
  readonly documentIds: readonly string[];
};
