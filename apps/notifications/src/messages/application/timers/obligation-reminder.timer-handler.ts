import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import type { NoticeDraft } from '../../domain/notice-draft.js';
import { extensionWindowReminder } from '../../domain/rules/f-25-extension-window-reminder.rule.js';
import { informationRequestReminder } from '../../domain/rules/f-32-information-request-reminder.rule.js';
import { auditOpinionReminder } from '../../domain/rules/f-33-audit-opinion-reminder.rule.js';
import type { ObligationKind, ObligationReminderPayload } from '../../domain/rules/obligation-reminder.js';
import { NoticeWriter } from '../notice-writer.js';
import { OBLIGATION_REMINDER_TIMER } from '../obligation-reminders.js';

const PayloadSchema = z.object({
  obligation: z.enum(['information-request', 'audit-opinion', 'extension-window']),
  obligationId: z.uuid(),
  participationId: z.uuid(),
  bin: z.string().regex(/^\d{12}$/),
  dueDate: IsoDateSchema,
  kind: z.string().optional(),
  ruleId: z.string().optional(),
  financialYear: z.number().int().optional(),
  termEnd: IsoDateSchema.optional(),
});

const RULES: Readonly<Record<ObligationKind, (p: ObligationReminderPayload, portalUrl: string) => NoticeDraft>> = {
  'information-request': informationRequestReminder,
  'audit-opinion': auditOpinionReminder,
  'extension-window': extensionWindowReminder,
};

/**
 * ADR 0105: the reminder day of an obligation came (F-32/F-38, F-33, F-25) — the reminder is written
 * in the timer's transaction (portal, and e-mail unless the company switched e-mail reminders off).
 * Its source is the timer row, so each armed reminder is written once.
 */
@Injectable()
export class ObligationReminderTimerHandler implements TimerHandler {
  readonly kind = OBLIGATION_REMINDER_TIMER;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    // Checked again: a timer row edited by hand fails loudly, not with a broken message.
    const p = PayloadSchema.parse(timer.payload) as ObligationReminderPayload;
    await this.writer.write({ id: timer.id, type: OBLIGATION_REMINDER_TIMER }, RULES[p.obligation](p, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}
