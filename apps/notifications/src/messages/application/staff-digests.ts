import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { Timers, sql } from '@hub/messaging';
import { HUB_CONFIG, UnitOfWork } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import type { Message } from '../domain/message.aggregate.js';
import { STAFF_DIGEST_CONTEXTS, STAFF_DIGEST_ROLES, type DigestSource, type StaffDigestRole, staffDigest } from '../domain/rules/staff-digest.rule.js';
import { NoticeWriter, staffRecipient } from './notice-writer.js';
import { type BoardReading, DeadlinesBoard } from './ports/deadlines-board.js';
import { ReminderCalendar } from './ports/reminder-calendar.js';
import { DailyDigest, dailyDigestSourceId } from './daily-digest-chain.js';

export const STAFF_DIGEST_TIMER = 'notifications.staff-digest';

/** The digest of a day is one source for every role: a name-based UUID of the day, so a second firing for the same day finds it written. */
export const digestSourceId = (day: IsoDate): string => dailyDigestSourceId(STAFF_DIGEST_TIMER, day);

export interface DigestOutcome {
  readonly written: readonly Message[];
  /** Roles whose digest of that day was already written (a second firing). */
  readonly alreadyWritten: readonly string[];
}

/**
 * The staff daily digest (ADR 0104 §4, ADR 0106 §5, ADR 0108): a durable timer at 08:30 Almaty on each
 * Kazakh working day; firing reads the deadlines board once and writes one e-mail per configured
 * officer role, then arms the next working day — in the timer's transaction.
 */
@Injectable()
export class StaffDigests extends DailyDigest {
  constructor(
    @Inject(UnitOfWork) uow: UnitOfWork,
    @Inject(Timers) timers: Timers,
    @Inject(ReminderCalendar) private readonly calendar: ReminderCalendar,
    @Inject(Clock) clock: Clock,
    @Inject(DeadlinesBoard) private readonly board: DeadlinesBoard,
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {
    super(STAFF_DIGEST_TIMER, config.HUB_RUN_WORKERS, uow, timers, calendar, clock); // ADR 0108 §4: 08:30 Almaty on working days, the chain and the stale-day rule
  }

  /** Arms the digest of `day` (re-arms the live timer if there is one). */
  arm(day: IsoDate): Promise<void> {
    return this.chain.arm(day);
  }

  /** Arms the next digest unless one is scheduled already (at start-up: the chain exists from the first start on). */
  ensureArmed(): Promise<void> {
    return this.chain.ensureArmed();
  }

  /**
   * Writes the digests of `day` (inside the caller's transaction). `lastTry`: when the board cannot be
   * read and this is the last try, the digests are written anyway with every context named unavailable
   * and the reason — a digest that says nothing is wrong is never sent instead; otherwise the error
   * goes up and the timer tries again.
   */
  async write(day: IsoDate, lastTry: boolean): Promise<DigestOutcome> {
    const mailboxes = STAFF_DIGEST_ROLES.flatMap((role) => {
      const m = this.config.NOTIFICATIONS_STAFF_DIGESTS[role];
      return m ? [{ role, ...m }] : [];
    });
    if (mailboxes.length === 0) return { written: [], alreadyWritten: [] };
    const source = { id: digestSourceId(day), type: STAFF_DIGEST_TIMER };
    const done = new Set(
      (
        await sql<{ recipient_subject: string }>(
          this.uow.em(),
          `select recipient_subject from notifications_message where source_event_id = ? and recipient_role = 'staff'`,
          [source.id],
        )
      ).map((r) => r.recipient_subject),
    );
    const owed = mailboxes.filter((m) => !done.has(staffRecipient(m.role)));
    const alreadyWritten = mailboxes.filter((m) => done.has(staffRecipient(m.role))).map((m) => m.role);
    if (owed.length === 0) return { written: [], alreadyWritten };
    const dueBefore = this.calendar.addWorkingDays(day, this.calendar.staffReviewWorkingDays(day));
    let reading: BoardReading;
    try {
      reading = await this.board.read(dueBefore);
    } catch (e) {
      if (!lastTry) throw e;
      const detail = (e as Error).message.slice(0, 300);
      this.logger.error(`the deadlines board could not be read for the digest of ${day}; the digests name every context unavailable: ${detail}`);
      const sources: DigestSource[] = [...new Set(owed.flatMap((m) => contextsOf(m.role)))].map((context) => ({ context, status: 'error', detail }));
      reading = { items: [], sources };
    }
    const written: Message[] = [];
    for (const m of owed) {
      const draft = staffDigest({
        role: m.role,
        day,
        dueBefore,
        items: reading.items,
        sources: reading.sources,
        portalUrl: this.config.NOTIFICATIONS_PORTAL_URL,
      });
      written.push(await this.writer.writeToStaff(source, draft, { email: m.email, language: m.language }, source.id));
    }
    return { written, alreadyWritten };
  }
}

const contextsOf = (role: StaffDigestRole): readonly string[] => STAFF_DIGEST_CONTEXTS[role];
