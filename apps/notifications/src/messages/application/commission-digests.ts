import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { Timers, sql } from '@hub/messaging';
import { HUB_CONFIG, UnitOfWork } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import type { Message } from '../domain/message.aggregate.js';
import { commissionDigest } from '../domain/rules/commission-digest.rule.js';
import { CommissionAgendas } from './commission-agendas.js';
import { DailyDigest, dailyDigestSourceId } from './daily-digest-chain.js';
import { NoticeWriter } from './notice-writer.js';
import { PersonContacts } from './person-contacts.service.js';
import { ReminderCalendar } from './ports/reminder-calendar.js';

export const COMMISSION_DIGEST_TIMER = 'notifications.commission-digest';

/** The members' digest of a day: one source for every member, a name-based UUID of the day (ADR 0138 §4). */
export const commissionDigestSourceId = (day: IsoDate): string => dailyDigestSourceId(COMMISSION_DIGEST_TIMER, day);

/**
 * The Commission members' "awaiting your vote" digest (issue #16, ADR 0138 §4): the staff digest's timer chain
 * (ADR 0108 §4 — 08:30 Almaty on Kazakh working days, the next armed in the firing's transaction, a stale day
 * skipped), writing per member with at least one awaited item one e-mail in their language to their own address
 * — when they keep the `commissionDigest` switch on (ADR 0093: a reminder) and have signed in (ADR 0114: their
 * address is learnt from their token). Once per member and day: the day's source id and the member's subject,
 * checked before writing and held by the unique index.
 */
@Injectable()
export class CommissionDigests extends DailyDigest {
  constructor(
    @Inject(UnitOfWork) uow: UnitOfWork,
    @Inject(Timers) timers: Timers,
    @Inject(ReminderCalendar) calendar: ReminderCalendar,
    @Inject(Clock) clock: Clock,
    @Inject(CommissionAgendas) private readonly agendas: CommissionAgendas,
    @Inject(PersonContacts) private readonly persons: PersonContacts,
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {
    super(COMMISSION_DIGEST_TIMER, config.HUB_RUN_WORKERS, uow, timers, calendar, clock); // seeded at start like the staff digest (workers only)
  }

  /** Writes the members' digests of `day` inside the caller's (the timer's) transaction; a member's digest already written is not written again. */
  async write(day: IsoDate): Promise<Message[]> {
    const source = { id: commissionDigestSourceId(day), type: COMMISSION_DIGEST_TIMER };
    const awaited = await this.agendas.awaitedByMember();
    if (awaited.size === 0) return [];
    const done = new Set(
      (
        await sql<{ recipient_subject: string }>(
          this.uow.em(),
          `select recipient_subject from notifications_message where source_event_id = ? and recipient_role = 'commission'`,
          [source.id],
        )
      ).map((r) => r.recipient_subject),
    );
    const recipients = await this.persons.commissionDigestRecipients([...awaited.keys()].filter((m) => !done.has(m)));
    const written: Message[] = [];
    for (const r of recipients) {
      const draft = commissionDigest({ member: r.subject, day, items: awaited.get(r.subject) ?? [], portalUrl: this.config.NOTIFICATIONS_PORTAL_URL });
      if (draft) written.push(await this.writer.writeToCommissionMember(source, draft, r));
    }
    return written;
  }
}
