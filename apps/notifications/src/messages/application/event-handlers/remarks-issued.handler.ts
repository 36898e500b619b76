import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, type PayloadOf, RemarksIssuedV1 } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { remarksNotice } from '../../domain/rules/f-14-remarks-notice.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/** registration.remarks-issued v1 → the F-14 notice with the remarks, in the inbox's transaction. */
@Injectable()
export class RemarksIssuedHandler implements EventHandler<typeof RemarksIssuedV1> {
  readonly event = RemarksIssuedV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof RemarksIssuedV1>>): Promise<void> {
    await this.writer.write(envelope, remarksNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}
