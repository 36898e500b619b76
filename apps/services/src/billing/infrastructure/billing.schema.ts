import { defineEntity } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import type { Tiyn } from '@hub/kernel';
import type { RecipientKind } from '../../applications/domain/service-application.types.js';
import { DeliveryAct, type DeliveryActStatus } from '../domain/delivery-act.aggregate.js';
import { Invoice, type InvoicePayment, type InvoiceStatus, type PaymentSource } from '../domain/invoice.aggregate.js';

const p = defineEntity.properties;

/** services_invoice (F-55): amounts in bigint tiyn (ADR 0036), the paid sum kept with the invoice under its version. */
export const InvoiceSchema = defineEntity({
  class: Invoice,
  className: 'Invoice',
  tableName: 'services_invoice',
  properties: {
    id: p.uuid().primary(),
    number: p.string().length(30),
    applicationId: p.uuid(),
    contractId: p.uuid(),
    recipientKind: p.string().length(20).$type<RecipientKind>(),
    recipientId: p.string().length(36),
    amountTiyn: p.bigint('number').$type<Tiyn>(),
    paidTiyn: p.bigint('number').$type<Tiyn>(),
    purpose: p.string().length(500),
    issuedOn: p.date().$type<IsoDate>(),
    dueOn: p.date().$type<IsoDate>(),
    status: p.string().length(20).$type<InvoiceStatus>(),
    overdue: p.boolean(),
    paidOn: p.date().$type<IsoDate>().nullable(),
    cancelReason: p.text().nullable(),
    issuedBy: p.string().length(200),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

class InvoicePaymentRow implements InvoicePayment {
  readonly id!: string;
  readonly invoiceId!: string;
  readonly amountTiyn!: Tiyn;
  readonly paidOn!: IsoDate;
  readonly reference!: string;
  readonly source!: PaymentSource;
  readonly importId!: string | null;
  readonly recordedBy!: string;
  readonly recordedAt!: Date;
}
export { InvoicePaymentRow };

/** services_invoice_payment: append-only; the bank reference is unique (a second record of one payment is 409). */
export const InvoicePaymentSchema = defineEntity({
  class: InvoicePaymentRow,
  className: 'InvoicePaymentRow',
  tableName: 'services_invoice_payment',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    amountTiyn: p.bigint('number').$type<Tiyn>(),
    paidOn: p.date().$type<IsoDate>(),
    reference: p.string().length(100),
    source: p.string().length(20).$type<PaymentSource>(),
    importId: p.uuid().nullable(),
    recordedBy: p.string().length(200),
    recordedAt: p.datetime().columnType('timestamptz'),
  },
});

/** services_delivery_act (F-55): never edited; a disputed act is followed by a new one. */
export const DeliveryActSchema = defineEntity({
  class: DeliveryAct,
  className: 'DeliveryAct',
  tableName: 'services_delivery_act',
  properties: {
    id: p.uuid().primary(),
    number: p.string().length(30),
    applicationId: p.uuid(),
    contractId: p.uuid(),
    recipientKind: p.string().length(20).$type<RecipientKind>(),
    recipientId: p.string().length(36),
    deliveredFrom: p.date().$type<IsoDate>(),
    deliveredTo: p.date().$type<IsoDate>(),
    description: p.text(),
    issuedOn: p.date().$type<IsoDate>(),
    status: p.string().length(20).$type<DeliveryActStatus>(),
    answeredOn: p.date().$type<IsoDate>().nullable(),
    answeredBy: p.string().length(200).nullable(),
    disputeReason: p.text().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** A row of services_invoice_archive (ADR 0109): an invoice's PDF is in the Fund's archive under this document id. Written once, by the archive timer. */
export class InvoiceArchiveRow {
  readonly invoiceId!: string;
  readonly documentId!: string;
  readonly archivedAt!: Date;
}

/** services_invoice_archive: read by the invoice views; written with SQL by `PostgresInvoiceArchiveRecords`. */
export const InvoiceArchiveSchema = defineEntity({
  class: InvoiceArchiveRow,
  className: 'InvoiceArchiveRow',
  tableName: 'services_invoice_archive',
  properties: {
    invoiceId: p.uuid().primary(),
    documentId: p.uuid(),
    archivedAt: p.datetime().columnType('timestamptz'),
  },
});
