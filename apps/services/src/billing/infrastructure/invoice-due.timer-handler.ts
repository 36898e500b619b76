import { Inject, Injectable } from '@nestjs/common';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { BillingUseCases, INVOICE_DUE_TIMER } from './billing.use-cases.js';

/**
 * Fires at the end of an invoice's due day (Asia/Almaty; `invoicePaymentWorkingDays` after issue, ADR
 * 0066): an invoice still unpaid becomes overdue. A paid or cancelled one cancelled its timer; if the
 * timer fires anyway (it was already claimed), the aggregate leaves it as it is.
 */
@Injectable()
export class InvoiceDueTimerHandler implements TimerHandler {
  readonly kind = INVOICE_DUE_TIMER;
  constructor(@Inject(BillingUseCases) private readonly billing: BillingUseCases) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['invoiceId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no invoiceId`);
    await this.billing.markOverdue(id);
  }
}
