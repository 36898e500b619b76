import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, ParticipationTerminatedV1, type PayloadOf } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { ParticipantRepository } from '../ports/participant.repository.js';

/**
 * participation.participation-terminated v1 → the registry entry (F-19, F-26 … F-28): the
 * participant ended as planned (F-27, the validity ends on `endedOn`) or early (F-28: terminated
 * from `endedOn`, with the ground category and number — never the decision reference or any
 * detail, F-35). Runs inside the inbox's transaction (the platform's `uow.within`): the inbox row
 * and the participant commit together, once. The same fact again under a new id changes nothing.
 */
@Injectable()
export class ParticipationTerminatedHandler implements EventHandler<typeof ParticipationTerminatedV1> {
  readonly event = ParticipationTerminatedV1;

  constructor(
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>>): Promise<void> {
    const e = envelope.payload;
    const participant = await this.participants.find(e.participantId);
    // A participation registration never registered is a broken contract: fail, so the event goes to the dead-letter topic.
    if (!participant) throw new NotFoundError('participant', e.participantId);
    participant.ended({ kind: e.kind, ground: e.ground, groundNumber: e.groundNumber, endedOn: e.endedOn }, this.clock.now());
  }
}
