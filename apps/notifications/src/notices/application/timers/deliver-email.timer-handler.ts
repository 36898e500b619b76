import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { Mailer } from '../ports/mailer.js';
import { NoticeRepository } from '../ports/notice.repository.js';

export const DELIVER_EMAIL_TIMER = 'notifications.deliver-email';

/**
 * Sends a stored notice by e-mail. A failure (server down, refused) throws: the timer poller retries
 * with exponential backoff and, after the last try, leaves the timer failed with the reason — the
 * dead letter of the e-mail channel; the notice stays in the portal inbox meanwhile. A notice already
 * delivered is not sent again.
 */
@Injectable()
export class DeliverEmailTimerHandler implements TimerHandler {
  readonly kind = DELIVER_EMAIL_TIMER;
  constructor(
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['noticeId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no noticeId`);
    const notice = await this.notices.get(id);
    if (notice.emailStatus !== 'pending' || !notice.emailTo) return;
    const { messageId } = await this.mailer.send({ id: notice.id, to: notice.emailTo, subject: notice.subject, text: notice.body, language: notice.language });
    notice.emailAccepted(messageId, this.clock.now());
  }
}
