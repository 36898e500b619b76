import type { ServiceInvoicePdfData } from '@hub/documents';

/** An invoice issued to a company as its PDF is rendered (F-55, ADR 0067 §1): what was stored at issue, nothing recomputed. */
export type InvoiceToRender = Omit<ServiceInvoicePdfData, 'issuer'> & { readonly invoiceId: string };

/** Port: renders the invoice PDF (the shared renderer of `@hub/documents`); the same data gives the same bytes. */
export abstract class InvoicePdfRenderer {
  abstract render(data: ServiceInvoicePdfData): Promise<Buffer>;
}

/** An invoice PDF as the archive takes it. */
export interface ArchivableInvoice {
  readonly number: string;
  readonly bin: string;
  readonly pdf: Buffer;
  readonly sha256: string;
}

/**
 * Port: the Fund's archive of issued documents (the documents context, ADR 0045), reached as services
 * itself — the worker `hub-services` with the role `document-issuer` (ADR 0106). Storing the same
 * invoice again returns the same document (the issue key is the invoice number).
 */
export abstract class InvoiceArchive {
  abstract archive(invoice: ArchivableInvoice): Promise<{ readonly documentId: string }>;
}

/** Port: which companies' invoices still wait for the archive, and the record that one is there. */
export abstract class InvoiceArchiveRecords {
  /** The invoice as issued, unless it is archived already, unknown, or an individual's (not issued as a document, ADR 0067 §5). */
  abstract pending(invoiceId: string): Promise<InvoiceToRender | undefined>;
  abstract recordArchived(invoiceId: string, documentId: string, at: Date): Promise<void>;
}
