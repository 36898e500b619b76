import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { Notice, type NoticeKind, type NoticeLanguage, RecipientSettings } from '../domain/notice.aggregate.js';
import { renderTemplate } from '../domain/templates.js';
import { Mailer } from './ports/mailer.js';
import { NoticeRepository } from './ports/notice.repository.js';
import { NoticeTemplates } from './ports/templates.js';
import { DELIVER_EMAIL_TIMER } from './timers/deliver-email.timer-handler.js';

/**
 * Turns a source event into a stored notice (in the inbox's transaction, so it is made exactly once)
 * and schedules its e-mail as a durable timer: the send happens after the commit, is retried with
 * backoff, and ends failed with the reason after the last try (ADR 0090).
 */
@Injectable()
export class NoticeFactory {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
    @Inject(NoticeTemplates) private readonly templates: NoticeTemplates,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async notify(input: {
    source: EventEnvelope;
    bin: string;
    template: string;
    ruleId: string;
    kind: NoticeKind;
    dueOn: string | null;
    values: (language: NoticeLanguage) => Record<string, string>;
  }): Promise<Notice> {
    const now = this.clock.now();
    const settings = await this.settingsOf(input.bin);
    const language = settings?.language ?? 'kk';
    const rendered = renderTemplate(input.template, this.templates.template(input.template, language), input.values(language));
    const emailTo = this.mailer.enabled && settings?.email && (input.kind === 'statutory' || settings.remindersEnabled) ? settings.email : null;
    const notice = Notice.make({
      id: uuidv7(),
      bin: input.bin,
      sourceEventId: input.source.id,
      sourceEventType: input.source.type,
      ruleId: input.ruleId,
      kind: input.kind,
      language,
      subject: rendered.subject,
      body: rendered.body,
      dueOn: input.dueOn,
      emailTo,
      at: now,
    });
    this.notices.add(notice);
    if (emailTo) await this.timers.schedule(this.uow.em(), { kind: DELIVER_EMAIL_TIMER, key: notice.id, dueAt: now, payload: { noticeId: notice.id } });
    return notice;
  }

  /** F-10: the language of the company's application, until it chooses another (ADR 0090). */
  async learnLanguage(bin: string, language: NoticeLanguage): Promise<void> {
    const settings = await this.notices.settings(bin);
    const now = this.clock.now();
    if (settings) settings.learnApplicationLanguage(language, now);
    else this.notices.addSettings(RecipientSettings.of({ bin, email: null, language, languageSource: 'application', remindersEnabled: true, at: now }));
  }

  private settingsOf(bin: string): Promise<RecipientSettings | null> {
    return this.notices.settings(bin);
  }
}
