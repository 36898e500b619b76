import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, ParticipantRegisteredV1, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { HousingParticipant } from '../../domain/participant.aggregate.js';
import { HousingParticipantRepository } from '../ports/participant.repository.js';

/**
 * registration.participant-registered v1 → this context's copy of the participant. The example of
 * a consumer (declared in `interface/kafka/registration-events.consumer.ts`, wired by app.module.ts
 * `consumers`). It opens no transaction: the platform runs it inside the inbox's, through
 * `uow.within`, so the repository works as in a command handler and the inbox row, the participant
 * and the events it records (mapped by the integration-event mapper) commit together, once.
 * Idempotent twice over: the inbox drops a redelivered event id, and the same fact published again
 * under a new id finds the participant already there.
 */
@Injectable()
export class ParticipantRegisteredHandler implements EventHandler<typeof ParticipantRegisteredV1> {
  readonly event = ParticipantRegisteredV1;

  constructor(
    @Inject(HousingParticipantRepository) private readonly participants: HousingParticipantRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipantRegisteredV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.participants.find(e.participantId)) return;
    this.participants.add(
      HousingParticipant.join({
        participantId: e.participantId,
        bin: e.bin,
        companyName: e.companyName,
        termStart: e.termStart,
        termEnd: e.termEnd,
        at: this.clock.now(),
      }),
    );
  }
}
