import { Inject, Injectable } from '@nestjs/common';
import type { Em, TimerHandler, TimerRecord } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';

/** F-27: the certificate's period passed and no extension moved it — the participation ends as planned. */
@Injectable()
export class PlannedEndTimerHandler implements TimerHandler {
  readonly kind = TIMER.plannedEnd;

  constructor(
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  async fire(timer: TimerRecord, em: Em): Promise<void> {
    const participation = await this.ctx.participation(em, timer.key);
    if (!participation.isActive()) return; // terminated early meanwhile
    if (timer.payload.termEnd !== participation.termEnd) {
      // Defensive: an extension re-arms this timer, so a stale one should not exist; re-arm to the current end.
      await this.lifecycle.armPlannedEnd(em, participation);
      return;
    }
    await this.lifecycle.endAsPlanned(em, participation);
  }
}
