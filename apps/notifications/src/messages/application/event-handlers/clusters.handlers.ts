import { Inject, Injectable } from '@nestjs/common';
import { ClustersApplicationReturnedV1, ClustersResultsPublishedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { returnNotice } from '../../domain/rules/c-12-return-notice.rule.js';
import { winnerMessages } from '../../domain/rules/c-21-results-message.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/** clusters.application-returned v1 → the statutory C-12 written notice of the return, in the inbox's transaction. */
@Injectable()
export class ClustersApplicationReturnedHandler implements EventHandler<typeof ClustersApplicationReturnedV1> {
  readonly event = ClustersApplicationReturnedV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ClustersApplicationReturnedV1>>): Promise<void> {
    await this.writer.write(envelope, returnNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}

/** clusters.results-published v1 → a message to each winner (C-21), in the inbox's transaction. */
@Injectable()
export class ClustersResultsPublishedHandler implements EventHandler<typeof ClustersResultsPublishedV1> {
  readonly event = ClustersResultsPublishedV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ClustersResultsPublishedV1>>): Promise<void> {
    for (const draft of winnerMessages(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL)) await this.writer.write(envelope, draft);
  }
}
