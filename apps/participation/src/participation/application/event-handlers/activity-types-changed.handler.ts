import { Inject, Injectable } from '@nestjs/common';
import { ActivityTypesChangedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { ParticipationRepository } from '../ports/participation.repository.js';

/** registration.activity-types-changed v1 (F-20) → the participation's activity types follow. */
@Injectable()
export class ActivityTypesChangedHandler implements EventHandler<typeof ActivityTypesChangedV1> {
  readonly event = ActivityTypesChangedV1;

  constructor(
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ActivityTypesChangedV1>>): Promise<void> {
    const e = envelope.payload;
    const participation = await this.participations.findByParticipant(e.participantId);
    // Events of one company keep their order (keyed by BIN), so a missing participation is an
    // anomaly: retried, then dead-lettered for a person to look at.
    if (!participation) throw new NotFoundError('participation of participant', e.participantId);
    participation.changeActivityTypes(e.activityTypes, this.clock.now());
  }
}
