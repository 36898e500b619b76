import { Global, Module } from '@nestjs/common';
import { HUB_CONFIG, issuedDocumentsClientFrom, serviceCredentialsFrom } from '@hub/nest-commons';
import type { ServicesConfig } from '../config.js';
import { InvoiceArchive, InvoiceArchiveRecords, InvoicePdfRenderer } from './application/ports/invoice-archive.ports.js';
import { BillingUseCases } from './infrastructure/billing.use-cases.js';
import {
  DocumentsInvoiceArchive,
  PdfInvoiceRenderer,
  PostgresInvoiceArchiveRecords,
  UnconfiguredInvoiceArchive,
} from './infrastructure/invoice-archive.adapters.js';
import { BillingHttpController } from './interface/http/billing.http.controller.js';

/**
 * Invoices, payments and delivery acts under service contracts (F-55, ADR 0066), and the invoices' PDFs
 * in the Fund's archive (ADR 0067, 0109). Global: the platform's timer handlers use its use cases and ports.
 */
@Global()
@Module({
  controllers: [BillingHttpController],
  providers: [
    BillingUseCases,
    { provide: InvoiceArchiveRecords, useClass: PostgresInvoiceArchiveRecords },
    { provide: InvoicePdfRenderer, useClass: PdfInvoiceRenderer },
    {
      // ADR 0106 / 0109: services archives its invoices as itself (client credentials), through the gateway.
      provide: InvoiceArchive,
      inject: [HUB_CONFIG],
      useFactory: (c: ServicesConfig): InvoiceArchive => {
        const documents = issuedDocumentsClientFrom('SERVICES_DOCUMENTS_URL', c.SERVICES_DOCUMENTS_URL, serviceCredentialsFrom(c));
        return documents ? new DocumentsInvoiceArchive(documents) : new UnconfiguredInvoiceArchive();
      },
    },
  ],
  exports: [BillingUseCases, InvoiceArchiveRecords, InvoicePdfRenderer, InvoiceArchive],
})
export class BillingModule {}
