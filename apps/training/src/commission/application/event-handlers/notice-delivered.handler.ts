import { Inject, Injectable, Logger } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { type EventEnvelope, NoticeDeliveredV1, type PayloadOf, TrainingDecisionMadeV1 } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { type EventHandler, Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ProviderApplicationRepository } from '../../../intakes/application/ports/intakes.ports.js';
import { Notice } from '../../../intakes/domain/notice.js';
import { DECISION_NOTICE_DUE_TIMER } from '../commission.commands.js';

/**
 * notifications.notice-delivered v1 → F-74 (issue #16, ADR 0094): the decision notice made from
 * training's own `training.decision-made` reached the provider (the SMTP server accepted it, or the
 * company read it in the portal) — the proof of notice. The application records the day of delivery
 * (Almaty) as the day the notice was sent, with the channel, message id and content hash; a delivery
 * after the 5th working day is a missed F-74 deadline as an officer's late record is; the deadline's
 * timer is cancelled. The officer's `POST …/decision-notice` stays the fallback: whichever proof comes
 * first stands. Other notices (F-70 remarks: that deadline is the Fund's issuing, already met) change
 * nothing. Runs inside the inbox's transaction: the inbox row, the application, the notice row and the
 * timer commit together, once.
 */
@Injectable()
export class NoticeDeliveredHandler implements EventHandler<typeof NoticeDeliveredV1> {
  readonly event = NoticeDeliveredV1;
  private readonly log = new Logger(NoticeDeliveredHandler.name);

  constructor(
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof NoticeDeliveredV1>>): Promise<void> {
    const e = envelope.payload;
    if (e.ruleId !== 'F-74' || e.sourceEventType !== TrainingDecisionMadeV1.type) return;
    // Not found, or another company's application: a broken contract — fail, so the event goes to the dead-letter topic.
    const a = await this.applications.get(e.subjectId);
    if (a.bin !== e.bin) throw new Error(`notice ${e.messageId} names BIN ${e.bin}, provider application ${a.id} belongs to another company`);
    if (a.noticeSentOn) {
      this.log.log(
        { applicationId: a.id, messageId: e.messageId, channel: e.channel },
        'F-74 notice delivered after it was already recorded; kept the first proof',
      );
      return;
    }
    const now = this.clock.now();
    const deliveredAt = new Date(e.deliveredAt);
    const sentOn = almatyDate(deliveredAt);
    a.sendDecisionNotice(sentOn, now, {
      via: e.channel,
      messageId: e.messageId,
      contentHash: e.contentHash,
      sourceEventId: e.sourceEventId,
      deliveredAt: deliveredAt.toISOString(),
    });
    this.applications.addNotice(
      Notice.send({
        id: uuidv7(),
        applicationId: a.id,
        bin: a.bin,
        kind: 'decision',
        ruleId: 'F-74',
        text: `The decision notice was delivered by ${e.channel === 'email' ? 'e-mail' : 'the portal'} at ${deliveredAt.toISOString()} (notifications message ${e.messageId}, content SHA-256 ${e.contentHash}).`,
        sentOn,
        at: now,
        sentBy: 'notifications',
      }),
    );
    await this.timers.cancel(this.uow.em(), DECISION_NOTICE_DUE_TIMER, a.id);
  }
}
