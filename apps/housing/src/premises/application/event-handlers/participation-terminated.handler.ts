import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, ParticipationTerminatedV1, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { HousingParticipantRepository } from '../../../participants/application/ports/participant.repository.js';
import { PremisesHandBack } from '../premises-hand-back.js';
import { PremisesLeaseRepository } from '../ports/premises.repository.js';

/**
 * participation.participation-terminated v1 (F-58): the company is no longer a participant from
 * `endedOn`; its premises are released automatically — the use ends the day before, the premises
 * are handed back under an act; a request not yet allocated is cancelled. In the inbox's transaction.
 */
@Injectable()
export class ParticipationTerminatedHandler implements EventHandler<typeof ParticipationTerminatedV1> {
  readonly event = ParticipationTerminatedV1;
  constructor(
    @Inject(HousingParticipantRepository) private readonly participants: HousingParticipantRepository,
    @Inject(PremisesLeaseRepository) private readonly leases: PremisesLeaseRepository,
    @Inject(PremisesHandBack) private readonly handBack: PremisesHandBack,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>>): Promise<void> {
    const e = envelope.payload;
    const now = this.clock.now();
    (await this.participants.find(e.participantId))?.terminate(e.endedOn, now);
    for (const lease of await this.leases.liveOf(e.participantId)) {
      lease.release(e.endedOn, 'participation-terminated', this.handBack.due, now);
      await this.handBack.arm(lease); // ADR 0053
    }
  }
}
