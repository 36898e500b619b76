import { Inject, Injectable } from '@nestjs/common';
import { ParticipantRegisteredV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { Deadlines } from '../../../shared/domain/deadlines.js';
import { Participation } from '../../domain/participation.aggregate.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';
import { ParticipationRepository } from '../ports/participation.repository.js';

/**
 * registration.participant-registered v1 → a participation starts (F-24). Idempotent twice over:
 * the inbox drops a redelivered event id, and a participant that already has a participation
 * (the same fact published again under a new id) is left as it is (unique participant_id).
 * Runs in the inbox's transaction (the platform's unit of work wraps it).
 */
@Injectable()
export class ParticipantRegisteredHandler implements EventHandler<typeof ParticipantRegisteredV1> {
  readonly event = ParticipantRegisteredV1;

  constructor(
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipantRegisteredV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.participations.findByParticipant(e.participantId)) return;
    const participation = Participation.start(
      {
        id: uuidv7(),
        participantId: e.participantId,
        bin: e.bin,
        companyName: e.companyName,
        address: e.address,
        activityTypes: e.activityTypes,
        certificateNumber: e.certificateNumber,
        termStart: e.termStart,
        termEnd: e.termEnd,
      },
      this.deadlines,
      this.clock.now(),
    );
    this.participations.add(participation);
    await this.lifecycle.armPlannedEnd(participation);
    await this.lifecycle.armQuarter(participation, participation.termStart);
  }
}
