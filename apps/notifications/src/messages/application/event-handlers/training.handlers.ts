import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, type PayloadOf, TrainingDecisionMadeV1, TrainingRemarksIssuedV1 } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { trainingRemarksNotice } from '../../domain/rules/f-70-training-remarks-notice.rule.js';
import { trainingDecisionNotice } from '../../domain/rules/f-74-training-decision-notice.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/** training.remarks-issued v1 → the statutory F-70 notice of remarks to the provider company, in the inbox's transaction. */
@Injectable()
export class TrainingRemarksIssuedHandler implements EventHandler<typeof TrainingRemarksIssuedV1> {
  readonly event = TrainingRemarksIssuedV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof TrainingRemarksIssuedV1>>): Promise<void> {
    await this.writer.write(envelope, trainingRemarksNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}

/** training.decision-made v1 → the statutory F-74 decision notice (admission with quotas, or reasoned refusal), in the inbox's transaction. */
@Injectable()
export class TrainingDecisionMadeHandler implements EventHandler<typeof TrainingDecisionMadeV1> {
  readonly event = TrainingDecisionMadeV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof TrainingDecisionMadeV1>>): Promise<void> {
    await this.writer.write(envelope, trainingDecisionNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}
