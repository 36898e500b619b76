import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';
import { ExtensionRepository } from '../ports/extension.repository.js';
import { ParticipationRepository } from '../ports/participation.repository.js';

/** F-27: the certificate's period passed and no extension moved it — the participation ends as planned, unless an in-time extension awaits the decision (F-25, ADR 0050). */
@Injectable()
export class PlannedEndTimerHandler implements TimerHandler {
  readonly kind = TIMER.plannedEnd;

  constructor(
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
    @Inject(ExtensionRepository) private readonly extensions: ExtensionRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const participation = await this.participations.get(timer.key);
    if (!participation.isActive()) return; // terminated early meanwhile
    if (timer.payload.termEnd !== participation.termEnd) {
      // Defensive: an extension re-arms this timer, so a stale one should not exist; re-arm to the current end.
      await this.lifecycle.armPlannedEnd(participation);
      return;
    }
    // F-25 (ADR 0050): an extension filed in time holds the planned end until the Fund decides it;
    // the decision ends the participation (refusal) or moves the end (approval).
    const pending = await this.extensions.findPending(participation.id);
    if (pending?.holdsPlannedEnd) return;
    participation.endAsPlanned(this.clock.now());
  }
}
