import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EventEnvelope, type PayloadOf, ServiceApplicationRemarksIssuedV1 } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { serviceRemarksNotice, serviceRemarksNoticeToPerson } from '../../domain/rules/f-52-service-remarks-notice.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/**
 * services.application-remarks-issued v1 → the statutory F-52 notice of remarks, in the inbox's
 * transaction: to a company by BIN, or to an individual as a person — the portal subject who filed
 * (`filedBy`, ADR 0107). An individual's event without `filedBy` (published before) is skipped; the
 * skip is logged by application id only, never by IIN (F-42).
 */
@Injectable()
export class ServiceRemarksIssuedHandler implements EventHandler<typeof ServiceApplicationRemarksIssuedV1> {
  readonly event = ServiceApplicationRemarksIssuedV1;
  private readonly log = new Logger(ServiceRemarksIssuedHandler.name);

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ServiceApplicationRemarksIssuedV1>>): Promise<void> {
    const draft = serviceRemarksNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL);
    if (draft) {
      await this.writer.write(envelope, draft);
      return;
    }
    const toPerson = serviceRemarksNoticeToPerson(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL);
    if (toPerson) {
      await this.writer.writeToPerson(envelope, toPerson);
      return;
    }
    this.log.log(
      { applicationId: envelope.payload.applicationId },
      'F-52 remarks to an individual without the person who filed (an event published before ADR 0107); services shows them in the portal',
    );
  }
}
