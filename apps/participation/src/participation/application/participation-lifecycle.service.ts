import { Inject, Injectable } from '@nestjs/common';
import { GROUND_NUMBER, ParticipationTerminatedV1, type EarlyTerminationGround } from '@hub/contracts';
import type { Em } from '@hub/messaging';
import { quarterEnd, quarterOf, type IsoDate } from '../../shared/domain/calendar.js';
import { ContextServices } from '../../shared/application/platform.js';
import { TIMER } from '../../shared/application/timer-kinds.js';
import type { Participation } from '../domain/participation.aggregate.js';

/** Steps shared by several use cases: arming the quarter cycle, and ending a participation. */
@Injectable()
export class ParticipationLifecycle {
  constructor(@Inject(ContextServices) private readonly ctx: ContextServices) {}

  /** F-21, F-37: when the quarter containing `date` closes, its fee and report are opened. */
  async armQuarter(em: Em, participation: Participation, date: IsoDate): Promise<void> {
    const { year, quarter } = quarterOf(date);
    await this.ctx.scheduleDeadline(em, TIMER.quarterClosed, participation.id, quarterEnd(year, quarter), { year, quarter });
    // F-41: the quarter's analytical information (one timer per quarter for the whole Fund).
    await this.ctx.scheduleAnalytics(em, year, quarter);
  }

  /** F-27: the planned end, re-armed whenever the term moves (F-25). */
  armPlannedEnd(em: Em, participation: Participation): Promise<void> {
    return this.ctx.scheduleDeadline(em, TIMER.plannedEnd, participation.id, participation.termEnd, { termEnd: participation.termEnd });
  }

  /** F-28: ends the participation early and publishes participation-terminated with its ground. */
  async terminateEarly(
    em: Em,
    participation: Participation,
    ground: EarlyTerminationGround,
    endedOn: IsoDate,
    decidedBy: 'fund' | 'commission' | 'participant',
    decisionReference: string | null,
  ): Promise<void> {
    participation.terminateEarly(ground, endedOn, this.ctx.now());
    await this.ctx.timers.cancel(em, TIMER.plannedEnd, participation.id);
    const ruleIds = ['F-26', `F-28(${GROUND_NUMBER[ground]})`, ...(decidedBy === 'commission' ? ['F-30'] : []), ...(ground === 'voluntary-withdrawal' ? ['F-29'] : [])];
    await this.ctx.publish(em, ParticipationTerminatedV1, participation.id, participation.bin, {
      participationId: participation.id,
      participantId: participation.participantId,
      bin: participation.bin,
      kind: 'early',
      ground,
      groundNumber: GROUND_NUMBER[ground],
      decidedBy,
      decisionReference,
      endedOn,
      ruleIds,
    });
  }

  /** F-27: the planned end. */
  async endAsPlanned(em: Em, participation: Participation): Promise<void> {
    participation.endAsPlanned(this.ctx.now());
    await this.ctx.publish(em, ParticipationTerminatedV1, participation.id, participation.bin, {
      participationId: participation.id,
      participantId: participation.participantId,
      bin: participation.bin,
      kind: 'planned',
      ground: 'term-expired',
      groundNumber: null,
      decidedBy: 'term',
      decisionReference: null,
      endedOn: participation.termEnd,
      ruleIds: ['F-26', 'F-27'],
    });
  }
}
