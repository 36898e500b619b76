import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClustersApplicationReturnedV1, type EventEnvelope, NoticeDeliveredV1, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { ApplicationRepository } from '../ports/selection.ports.js';

/**
 * notifications.notice-delivered v1 → C-12 (issue #16, ADR 0094): the written notice of a return,
 * made from clusters' own `application-returned`, reached the applicant (the SMTP server accepted it,
 * or the company read it in the portal). The application records the proof — channel, moment,
 * message id, content hash — on its return notice; the first proof stands, later ones change
 * nothing. The 5 WD of C-12 are the organiser's check period, met by the return itself: the proof
 * shows the notice was given, it closes no deadline. Other notices are not clusters'. Runs inside the
 * inbox's transaction: the inbox row and the application commit together, once.
 */
@Injectable()
export class ReturnNoticeDeliveredHandler implements EventHandler<typeof NoticeDeliveredV1> {
  readonly event = NoticeDeliveredV1;
  private readonly log = new Logger(ReturnNoticeDeliveredHandler.name);

  constructor(
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof NoticeDeliveredV1>>): Promise<void> {
    const e = envelope.payload;
    if (e.ruleId !== 'C-12' || e.sourceEventType !== ClustersApplicationReturnedV1.type) return;
    // Not found, another company's, or not returned: a broken contract — fail, so the event goes to the dead-letter topic.
    const a = await this.applications.get(e.subjectId);
    if (a.bin !== e.bin) throw new Error(`notice ${e.messageId} names BIN ${e.bin}, application ${a.id} belongs to another company`);
    const recorded = a.recordReturnNoticeDelivered(
      {
        via: e.channel,
        deliveredAt: new Date(e.deliveredAt).toISOString(),
        messageId: e.messageId,
        contentHash: e.contentHash,
        sourceEventId: e.sourceEventId,
      },
      this.clock.now(),
    );
    if (!recorded) this.log.log({ applicationId: a.id, messageId: e.messageId, channel: e.channel }, 'C-12 notice delivered again; kept the first proof');
  }
}
