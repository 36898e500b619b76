import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, IntegrationEventDefinition, PayloadOf } from '@hub/contracts';
import { kzCalendar } from '@hub/calendar';
import { Clock, NotFoundError } from '@hub/kernel';
import { Outbox, Timers, type Em } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import { referenceData } from '@hub/reference-data';
import type { ParticipationConfig } from '../../config.js';
import { Tariff, type TariffVersion } from '../../fees/domain/tariff.js';
import { Participation } from '../../participation/domain/participation.aggregate.js';
import { assertMayActFor } from './access.js';
import { almatyDate, type IsoDate } from '../domain/calendar.js';
import { TIMER } from './timer-kinds.js';
import { Deadlines } from '../domain/deadlines.js';

export function loadTariff(file: string): Tariff {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { versions: TariffVersion[] };
  return new Tariff(raw.versions);
}

/**
 * @deprecated ADR 0035 §5: a handler injects what it uses (repositories, UnitOfWork, Clock,
 * Deadlines, DeadlineTimers, Tariff). Kept only while the fees module and the analytics service
 * still use it; delete it (and runCommand) when nothing does.
 *
 * What every use case of the context needs: today's date in Almaty, the statutory deadlines, the
 * tariff, the outbox (events keyed by BIN) and the durable timers.
 */
@Injectable()
export class ContextServices {
  readonly deadlines = new Deadlines(kzCalendar(), referenceData());
  readonly tariff: Tariff;

  constructor(
    @Inject(Clock) readonly clock: Clock,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(Timers) readonly timers: Timers,
    @Inject(HUB_CONFIG) config: ParticipationConfig,
  ) {
    this.tariff = loadTariff(config.HUB_FEE_TARIFF_FILE);
  }

  now(): Date {
    return this.clock.now();
  }

  today(): IsoDate {
    return almatyDate(this.clock.now());
  }

  /** Writes an integration event to the outbox in the caller's transaction, keyed by the company's BIN. */
  publish<D extends IntegrationEventDefinition>(em: Em, def: D, aggregateId: string, bin: string, payload: PayloadOf<D>): Promise<unknown> {
    return this.outbox.add(em, def, aggregateId, payload, { key: bin });
  }

  /** Schedules the durable timer of a deadline "by dueDate": it fires at the first instant after that day. */
  scheduleDeadline(em: Em, kind: string, key: string, dueDate: IsoDate, payload: Record<string, unknown> = {}): Promise<void> {
    return this.timers.schedule(em, { kind, key, dueAt: Deadlines.missedAt(dueDate), payload: { ...payload, dueDate } });
  }

  /** F-41: the quarter's analytics are generated at 01:00 (Almaty) on the day after the report deadline, once the overdue reports are marked. */
  scheduleAnalytics(em: Em, year: number, quarter: number): Promise<void> {
    const dueAt = new Date(Deadlines.missedAt(this.deadlines.reportDueDate(year, quarter)).getTime() + 3_600_000);
    return this.timers.schedule(em, { kind: TIMER.analytics, key: `${year}-Q${quarter}`, dueAt, payload: { year, quarter } });
  }

  /** A participation the actor may read (F-35: staff, or the company's own applicant). */
  async readableParticipation(em: Em, actor: Actor, id: string): Promise<Participation> {
    const p = await this.participation(em, id);
    assertMayActFor(actor, p.bin);
    return p;
  }

  async participation(em: Em, id: string): Promise<Participation> {
    const p = await em.findOne(Participation, { id });
    if (!p) throw new NotFoundError('participation', id);
    return p;
  }
}
