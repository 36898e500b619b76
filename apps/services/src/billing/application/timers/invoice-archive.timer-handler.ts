import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord, Timers } from '@hub/messaging';
import { parametersOn } from '../../../catalogue/domain/services-parameters.js';
import { ServicesParametersSource } from '../../../shared/application/ports/services-parameters.source.js';
import { InvoiceArchive, InvoiceArchiveRecords, InvoicePdfRenderer } from '../ports/invoice-archive.ports.js';

export const INVOICE_ARCHIVE_TIMER_KIND = 'services.invoice-archive';

/**
 * F-55 / ADR 0067, 0109: an invoice issued to a company is rendered as a PDF and copied to the Fund's
 * archive of issued documents afterwards — durably: the timer is written in the issuing transaction,
 * so an invoice is never issued without its document being owed, and an archive that is down is asked
 * again with backoff (a failure for good shows on the timers-failed alert). The invoice itself stands
 * either way; its view says `document: { status: 'pending' }` until the archive answers.
 */
export async function scheduleInvoiceArchive(timers: Timers, em: Em, invoiceId: string, at: Date): Promise<void> {
  await timers.schedule(em, { kind: INVOICE_ARCHIVE_TIMER_KIND, key: invoiceId, dueAt: at, payload: { invoiceId } });
}

@Injectable()
export class InvoiceArchiveTimerHandler implements TimerHandler {
  readonly kind = INVOICE_ARCHIVE_TIMER_KIND;

  constructor(
    @Inject(InvoiceArchiveRecords) private readonly records: InvoiceArchiveRecords,
    @Inject(InvoicePdfRenderer) private readonly renderer: InvoicePdfRenderer,
    @Inject(InvoiceArchive) private readonly archive: InvoiceArchive,
    @Inject(ServicesParametersSource) private readonly parameters: ServicesParametersSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const invoiceId = timer.payload['invoiceId'];
    if (typeof invoiceId !== 'string') throw new Error(`timer ${timer.id} has no invoiceId`);
    const invoice = await this.records.pending(invoiceId);
    if (!invoice) return; // archived already (a repeated fire), or not a company's — once in effect
    const { invoiceId: _, ...data } = invoice;
    // The Fund's requisites in force on the issue day (effective-dated data): a later change never alters an issued invoice.
    const pdf = await this.renderer.render({ ...data, issuer: parametersOn(this.parameters.versions(), invoice.issuedOn).invoiceIssuer });
    const { documentId } = await this.archive.archive({
      number: invoice.number,
      bin: invoice.recipient.bin,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    await this.records.recordArchived(invoiceId, documentId, this.clock.now());
  }
}
