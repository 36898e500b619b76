import { Inject, Injectable, Logger } from '@nestjs/common';
import { DecisionMadeV1, type EventEnvelope, NoticeDeliveredV1, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { DeadlineBook } from '../deadline-book.js';
import { ApplicationRepository } from '../ports/application.repository.js';

/**
 * notifications.notice-delivered v1 → F-17 (issue #16, ADR 0092): the decision notice reached the
 * applicant (the SMTP server accepted it, or the company read it in the portal) — the proof of
 * notice. The application records the moment of delivery with the channel, message id and content
 * hash, and the 5 WD notification deadline closes. Only the F-17 notice of registration's own
 * `decision-made` counts; the others (F-14 remarks: that deadline is the Fund's issuing, already
 * met) change nothing. Whichever proof comes first — this one or an officer's record (the fallback
 * when a notice went another way) — stands; a later one changes nothing. Runs inside the inbox's
 * transaction: the inbox row, the application and the deadline commit together, once.
 */
@Injectable()
export class NoticeDeliveredHandler implements EventHandler<typeof NoticeDeliveredV1> {
  readonly event = NoticeDeliveredV1;
  private readonly log = new Logger(NoticeDeliveredHandler.name);

  constructor(
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof NoticeDeliveredV1>>): Promise<void> {
    const e = envelope.payload;
    if (e.ruleId !== 'F-17' || e.sourceEventType !== DecisionMadeV1.type) return;
    // Not found, or another company's application: a broken contract — fail, so the event goes to the dead-letter topic.
    const app = await this.applications.get(e.subjectId);
    if (app.bin !== e.bin) throw new Error(`notice ${e.messageId} names BIN ${e.bin}, application ${app.id} belongs to another company`);
    if (app.notifiedAt) {
      this.log.log(
        { applicationId: app.id, messageId: e.messageId, channel: e.channel },
        'F-17 notice delivered after the notification was already recorded; kept the first proof',
      );
      return;
    }
    app.recordNotification(
      new Date(e.deliveredAt),
      { via: e.channel, messageId: e.messageId, contentHash: e.contentHash, sourceEventId: e.sourceEventId },
      this.clock.now(),
    );
    await this.deadlines.close(app.id, 'decision-notification');
  }
}
