import { Injectable } from '@nestjs/common';
import { type PayloadOf, ServiceDeliveryActAnsweredV1, ServiceDeliveryActIssuedV1, ServiceInvoiceIssuedV1, ServiceInvoiceOverdueV1 } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import {
  deliveryActDisputedFundNotice,
  deliveryActIssuedNotice,
  invoiceIssuedNotice,
  invoiceOverdueNotice,
} from '../../domain/rules/f-55-billing-notices.rule.js';
import { DraftNoticeHandler } from './draft-notice.handler.js';

/**
 * services' contract money and acts (F-55, ADR 0066) → messages, in the inbox's transaction (ADR
 * 0105). A fact about an individual (IIN) or an accepted act writes nothing (the rules say `null`).
 */
@Injectable()
export class ServiceInvoiceIssuedHandler
  extends DraftNoticeHandler<PayloadOf<typeof ServiceInvoiceIssuedV1>>
  implements EventHandler<typeof ServiceInvoiceIssuedV1>
{
  readonly event = ServiceInvoiceIssuedV1;
  protected draft = invoiceIssuedNotice;
}

@Injectable()
export class ServiceInvoiceOverdueHandler
  extends DraftNoticeHandler<PayloadOf<typeof ServiceInvoiceOverdueV1>>
  implements EventHandler<typeof ServiceInvoiceOverdueV1>
{
  readonly event = ServiceInvoiceOverdueV1;
  protected draft = invoiceOverdueNotice;
}

@Injectable()
export class ServiceDeliveryActIssuedHandler
  extends DraftNoticeHandler<PayloadOf<typeof ServiceDeliveryActIssuedV1>>
  implements EventHandler<typeof ServiceDeliveryActIssuedV1>
{
  readonly event = ServiceDeliveryActIssuedV1;
  protected draft = deliveryActIssuedNotice;
}

@Injectable()
export class ServiceDeliveryActAnsweredHandler
  extends DraftNoticeHandler<PayloadOf<typeof ServiceDeliveryActAnsweredV1>>
  implements EventHandler<typeof ServiceDeliveryActAnsweredV1>
{
  readonly event = ServiceDeliveryActAnsweredV1;
  protected draft = deliveryActDisputedFundNotice;
}
