import { Inject, Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  type PayloadOf,
  ServiceDeliveryActAnsweredV1,
  ServiceDeliveryActIssuedV1,
  ServiceInvoiceIssuedV1,
  ServiceInvoiceOverdueV1,
} from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import type { NoticeDraft } from '../../domain/notice-draft.js';
import {
  deliveryActDisputedFundNotice,
  deliveryActIssuedNotice,
  invoiceIssuedNotice,
  invoiceOverdueNotice,
} from '../../domain/rules/f-55-billing-notices.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/**
 * services' contract money and acts (F-55, ADR 0066) → messages, in the inbox's transaction (ADR
 * 0105). A fact about an individual (IIN) or an accepted act writes nothing (the rules say `null`).
 */
abstract class BillingHandler<P> {
  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  protected abstract draft(payload: P, portalUrl: string): NoticeDraft | null;

  async handle(envelope: EventEnvelope<P>): Promise<void> {
    const draft = this.draft(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL);
    if (draft) await this.writer.write(envelope, draft);
  }
}

@Injectable()
export class ServiceInvoiceIssuedHandler
  extends BillingHandler<PayloadOf<typeof ServiceInvoiceIssuedV1>>
  implements EventHandler<typeof ServiceInvoiceIssuedV1>
{
  readonly event = ServiceInvoiceIssuedV1;
  protected draft = invoiceIssuedNotice;
}

@Injectable()
export class ServiceInvoiceOverdueHandler
  extends BillingHandler<PayloadOf<typeof ServiceInvoiceOverdueV1>>
  implements EventHandler<typeof ServiceInvoiceOverdueV1>
{
  readonly event = ServiceInvoiceOverdueV1;
  protected draft = invoiceOverdueNotice;
}

@Injectable()
export class ServiceDeliveryActIssuedHandler
  extends BillingHandler<PayloadOf<typeof ServiceDeliveryActIssuedV1>>
  implements EventHandler<typeof ServiceDeliveryActIssuedV1>
{
  readonly event = ServiceDeliveryActIssuedV1;
  protected draft = deliveryActIssuedNotice;
}

@Injectable()
export class ServiceDeliveryActAnsweredHandler
  extends BillingHandler<PayloadOf<typeof ServiceDeliveryActAnsweredV1>>
  implements EventHandler<typeof ServiceDeliveryActAnsweredV1>
{
  readonly event = ServiceDeliveryActAnsweredV1;
  protected draft = deliveryActDisputedFundNotice;
}
