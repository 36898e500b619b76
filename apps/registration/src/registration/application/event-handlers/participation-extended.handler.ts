import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, ParticipationExtendedV1, type PayloadOf } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { ParticipantRepository } from '../ports/participant.repository.js';

/**
 * participation.participation-extended v1 → the registry entry (F-25, Annex 3): the validity now
 * runs to `newTermEnd` under the extension certificate's own number (the public verification page
 * answers for it too). Runs inside the inbox's transaction; the same extension twice changes nothing.
 */
@Injectable()
export class ParticipationExtendedHandler implements EventHandler<typeof ParticipationExtendedV1> {
  readonly event = ParticipationExtendedV1;

  constructor(
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationExtendedV1>>): Promise<void> {
    const e = envelope.payload;
    const participant = await this.participants.find(e.participantId);
    if (!participant) throw new NotFoundError('participant', e.participantId);
    participant.extended(
      {
        extensionId: e.extensionId,
        previousTermEnd: e.previousTermEnd,
        newTermEnd: e.newTermEnd,
        certificateNumber: e.certificateNumber,
        issuedOn: e.issuedOn,
      },
      this.clock.now(),
    );
  }
}
