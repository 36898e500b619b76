import type { IsoDate } from '@hub/calendar';
import type { Tiyn } from '@hub/kernel';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';

interface BillingEventBase {
  readonly aggregateId: string;
  readonly occurredAt: Date;
  readonly applicationId: string;
  readonly contractId: string;
  readonly recipientKind: RecipientKind;
  readonly recipientId: string;
}

/** F-55: what happens to a contract's invoices, payments and delivery acts. */
export type BillingEvent =
  | (BillingEventBase & {
      readonly name: 'InvoiceIssued';
      readonly number: string;
      readonly amountTiyn: Tiyn;
      readonly issuedOn: IsoDate;
      readonly dueOn: IsoDate;
    })
  | (BillingEventBase & {
      readonly name: 'PaymentRecorded';
      readonly number: string;
      readonly paymentId: string;
      readonly amountTiyn: Tiyn;
      readonly paidOn: IsoDate;
      readonly outstandingTiyn: Tiyn;
    })
  | (BillingEventBase & { readonly name: 'InvoicePaid'; readonly number: string; readonly amountTiyn: Tiyn; readonly paidOn: IsoDate })
  | (BillingEventBase & { readonly name: 'InvoiceOverdue'; readonly number: string; readonly dueOn: IsoDate })
  | (BillingEventBase & { readonly name: 'DeliveryActIssued'; readonly number: string; readonly deliveredTo: IsoDate })
  | (BillingEventBase & { readonly name: 'DeliveryActAccepted'; readonly number: string; readonly acceptedOn: IsoDate })
  | (BillingEventBase & { readonly name: 'DeliveryActDisputed'; readonly number: string });

const NAMES = new Set<string>([
  'InvoiceIssued',
  'PaymentRecorded',
  'InvoicePaid',
  'InvoiceOverdue',
  'DeliveryActIssued',
  'DeliveryActAccepted',
  'DeliveryActDisputed',
]);
export const isBillingEvent = (e: { name: string }): e is BillingEvent => NAMES.has(e.name);

/** The fields every billing event carries, from the invoice or act that records it. */
export function billingEventBase(
  of: { id: string; applicationId: string; contractId: string; recipientKind: RecipientKind; recipientId: string },
  at: Date,
): BillingEventBase {
  return {
    aggregateId: of.id,
    occurredAt: at,
    applicationId: of.applicationId,
    contractId: of.contractId,
    recipientKind: of.recipientKind,
    recipientId: of.recipientId,
  };
}
