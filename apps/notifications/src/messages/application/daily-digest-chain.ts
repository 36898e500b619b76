import { createHash } from 'node:crypto';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { z } from 'zod';
import { type IsoDate, almatyDate } from '@hub/calendar';
import { IsoDateSchema } from '@hub/contracts';
import type { Clock } from '@hub/kernel';
import type { TimerRecord, Timers } from '@hub/messaging';
import type { UnitOfWork } from '@hub/nest-commons';
import { digestMoment, nextDigestDay } from '../domain/rules/staff-digest.rule.js';
import type { ReminderCalendar } from './ports/reminder-calendar.js';

/** One live timer per digest kind (ADR 0108 §4, ADR 0138 §4). */
export const DAILY_DIGEST_KEY = 'daily';

const PayloadSchema = z.object({ day: IsoDateSchema });

/**
 * A digest of a day is one source for all its recipients: a name-based UUID of the timer kind and the day
 * (RFC 9562 UUIDv8 of SHA-256), so a second firing for the same day finds it written (ADR 0108 §5, ADR 0138 §4).
 */
export function dailyDigestSourceId(kind: string, day: IsoDate): string {
  const h = createHash('sha256').update(`${kind}/${day}`).digest('hex');
  // RFC 9562 UUIDv8 (custom): version 8, variant 10.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The chain of a daily digest's durable timer (ADR 0108 §4), shared by the staff digest and the
 * Commission members' digest (ADR 0138 §4): due 08:30 Almaty on a Kazakh working day (`@hub/calendar`);
 * armed at start when none is scheduled; each firing arms the next working day in the timer's transaction,
 * so holidays, weekends and transfer days are skipped by the calendar data and the chain never breaks. A
 * firing for a day already past (the workers were down over it) sends nothing late: it arms the next digest
 * morning from now and logs the day skipped — no burst of stale digests after an outage.
 */
export class DailyDigestChain {
  constructor(
    readonly kind: string,
    private readonly uow: UnitOfWork,
    private readonly timers: Timers,
    private readonly calendar: ReminderCalendar,
    private readonly clock: Clock,
  ) {}

  /** Arms the digest of `day` (re-arms the live timer if there is one). */
  async arm(day: IsoDate): Promise<void> {
    await this.timers.schedule(this.uow.em(), { kind: this.kind, key: DAILY_DIGEST_KEY, dueAt: digestMoment(day), payload: { day } });
  }

  /** Arms the next digest unless one is scheduled already (at start-up: the chain exists from the first start on). */
  async ensureArmed(): Promise<void> {
    await this.uow.run(async (em) => {
      const live = await this.timers.find(em, this.kind, DAILY_DIGEST_KEY);
      if (live?.status === 'scheduled') return;
      await this.arm(nextDigestDay(this.clock.now(), this.calendar));
    });
  }

  /**
   * A firing, inside the timer's transaction: arms the next link of the chain and gives the day whose
   * digests are to be written now — or null for a stale day (skipped, logged; the chain resumes at the
   * next digest morning from now).
   */
  async advance(timer: TimerRecord, logger: Logger): Promise<IsoDate | null> {
    const { day } = PayloadSchema.parse(timer.payload);
    const now = this.clock.now();
    if (day < almatyDate(now)) {
      const next = nextDigestDay(now, this.calendar);
      logger.warn(`the ${this.kind} digest of ${day} was due while the workers were down; not sent late — the next is on ${next}`);
      await this.arm(next);
      return null;
    }
    await this.arm(this.calendar.addWorkingDays(day, 1));
    return day;
  }
}

/**
 * The frame the staff digest and the Commission members' digest share (ADR 0108 §4, ADR 0138 §4): their
 * `DailyDigestChain` (the timer handler advances it), a logger named after the digest, and the chain seeded at
 * start when this process runs the workers — a failure to arm is logged, never fatal to the start.
 */
export abstract class DailyDigest implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);
  readonly chain: DailyDigestChain;

  protected constructor(
    kind: string,
    private readonly runsWorkers: boolean,
    protected readonly uow: UnitOfWork,
    timers: Timers,
    calendar: ReminderCalendar,
    clock: Clock,
  ) {
    this.chain = new DailyDigestChain(kind, uow, timers, calendar, clock);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsWorkers) return;
    await this.chain.ensureArmed().catch((e: unknown) => this.logger.error(`the ${this.chain.kind} timer could not be armed: ${(e as Error).message}`));
  }
}
