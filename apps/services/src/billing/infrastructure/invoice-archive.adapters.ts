import { Inject, Injectable } from '@nestjs/common';
import { type ServiceInvoicePdfData, renderServiceInvoicePdf } from '@hub/documents';
import { sql, sqlRun } from '@hub/messaging';
import { PiiCipher } from '@hub/pii';
import { type IssuedDocumentsClient, UnitOfWork, archiveNotConfigured } from '@hub/nest-commons';
import {
  type ArchivableInvoice,
  InvoiceArchive,
  InvoiceArchiveRecords,
  InvoicePdfRenderer,
  type InvoiceToRender,
} from '../application/ports/invoice-archive.ports.js';

/** The invoice PDF of `@hub/documents` (shared with registration's certificates; ADR 0067 §1). */
export class PdfInvoiceRenderer extends InvoicePdfRenderer {
  render(data: ServiceInvoicePdfData): Promise<Buffer> {
    return renderServiceInvoicePdf(data);
  }
}

/**
 * The archive is the documents context's `POST /issued-documents`, reached through the admin gateway
 * (`SERVICES_DOCUMENTS_URL`) as services itself (client `hub-services`, role `document-issuer`, ADR 0106)
 * with the platform's `IssuedDocumentsClient`: kind `service-invoice`, issue key
 * `services/invoice/<number>`, owner the recipient's BIN; the archive's SHA-256 must be the PDF's.
 */
export class DocumentsInvoiceArchive extends InvoiceArchive {
  constructor(private readonly documents: IssuedDocumentsClient) {
    super();
  }

  archive(i: ArchivableInvoice): Promise<{ readonly documentId: string }> {
    return this.documents.issue({
      ownerBin: i.bin,
      kind: 'service-invoice',
      issueKey: `services/invoice/${i.number}`,
      fileName: `invoice-${i.number}.pdf`,
      bytes: i.pdf,
      sha256: i.sha256,
    });
  }
}

/** Without `SERVICES_DOCUMENTS_URL` and service credentials: archiving is owed but cannot happen — said loudly on every try. */
export class UnconfiguredInvoiceArchive extends InvoiceArchive {
  archive(i: ArchivableInvoice): Promise<{ readonly documentId: string }> {
    return Promise.reject(archiveNotConfigured(`invoice ${i.number}`, 'SERVICES_DOCUMENTS_URL'));
  }
}

/** The archive record of invoices (`services_invoice_archive`, ADR 0109); the invoice row itself is not touched. */
@Injectable()
export class PostgresInvoiceArchiveRecords extends InvoiceArchiveRecords {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
  ) {
    super();
  }

  async pending(invoiceId: string): Promise<InvoiceToRender | undefined> {
    const [row] = await sql<{
      id: string;
      number: string;
      recipient_id: string;
      amount_tiyn: string;
      purpose: string;
      issued_on: string;
      due_on: string;
      contract_id: string;
      contract_signed_on: string;
      payer_name_cipher: string | null;
      application_id: string;
      service: string;
    }>(
      this.uow.em(),
      `select i."id", i."number", i."recipient_id", i."amount_tiyn"::text as amount_tiyn, i."purpose",
              to_char(i."issued_on", 'YYYY-MM-DD') as issued_on, to_char(i."due_on", 'YYYY-MM-DD') as due_on,
              i."contract_id", to_char(a."contract_signed_on", 'YYYY-MM-DD') as contract_signed_on,
              a."contract_payer_name_cipher" as payer_name_cipher, a."id" as application_id, s."title" as service
         from "services_invoice" i
         join "services_application" a on a."id" = i."application_id"
         join "services_service" s on s."id" = a."service_id"
        where i."id" = ? and i."recipient_kind" = 'legal-entity'
          and not exists (select 1 from "services_invoice_archive" x where x."invoice_id" = i."id")`,
      [invoiceId],
    );
    if (!row) return undefined;
    return {
      invoiceId: row.id,
      number: row.number,
      issuedOn: row.issued_on,
      dueOn: row.due_on,
      // ADR 0123: the payer's name captured when the contract was signed (decrypted here only to be printed).
      recipient: row.payer_name_cipher
        ? { bin: row.recipient_id, name: this.cipher.decrypt(row.payer_name_cipher, row.application_id) }
        : { bin: row.recipient_id },
      contract: { id: row.contract_id, signedOn: row.contract_signed_on },
      service: row.service,
      purpose: row.purpose,
      amountTiyn: BigInt(row.amount_tiyn),
    };
  }

  async recordArchived(invoiceId: string, documentId: string, at: Date): Promise<void> {
    await sqlRun(
      this.uow.em(),
      `insert into "services_invoice_archive" ("invoice_id", "document_id", "archived_at") values (?, ?, ?) on conflict ("invoice_id") do nothing`,
      [invoiceId, documentId, at],
    );
  }
}
