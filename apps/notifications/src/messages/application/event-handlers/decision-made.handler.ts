import { Inject, Injectable } from '@nestjs/common';
import { DecisionMadeV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { decisionNotice } from '../../domain/rules/f-17-decision-notice.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/** registration.decision-made v1 → the F-17 notice of registration or reasoned refusal, in the inbox's transaction. */
@Injectable()
export class DecisionMadeHandler implements EventHandler<typeof DecisionMadeV1> {
  readonly event = DecisionMadeV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof DecisionMadeV1>>): Promise<void> {
    await this.writer.write(envelope, decisionNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}
