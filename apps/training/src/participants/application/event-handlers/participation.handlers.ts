import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, ParticipationStartedV1, ParticipationTerminatedV1, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { TrainingParticipation } from '../../domain/participation.aggregate.js';
import { TrainingParticipationRepository } from '../ports/participation.repository.js';

/**
 * participation.participation-started v1 → the local copy (ADR 0062). Run by the platform inside the
 * inbox's transaction; idempotent (the inbox drops a redelivery, a re-published fact finds the row).
 */
@Injectable()
export class ParticipationStartedHandler implements EventHandler<typeof ParticipationStartedV1> {
  readonly event = ParticipationStartedV1;
  constructor(
    @Inject(TrainingParticipationRepository) private readonly participations: TrainingParticipationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationStartedV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.participations.find(e.participationId)) return;
    this.participations.add(
      TrainingParticipation.started({
        participationId: e.participationId,
        participantId: e.participantId,
        bin: e.bin,
        termStart: e.termStart,
        termEnd: e.termEnd,
        at: this.clock.now(),
      }),
    );
  }
}

/**
 * participation.participation-terminated v1 → the participation is no longer active from endedOn:
 * no new provider application from that day (F-77). Pending
 * applications are not changed here: the eligibility is checked again at the decision (F-77, ADR 0062; not built yet).
 * A termination of a participation training never saw is skipped.
 */
@Injectable()
export class ParticipationTerminatedHandler implements EventHandler<typeof ParticipationTerminatedV1> {
  readonly event = ParticipationTerminatedV1;
  constructor(
    @Inject(TrainingParticipationRepository) private readonly participations: TrainingParticipationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>>): Promise<void> {
    const e = envelope.payload;
    const participation = await this.participations.find(e.participationId);
    if (!participation) return;
    participation.ended(e.endedOn, e.ground, this.clock.now());
  }
}
