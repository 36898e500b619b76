import { Inject, Injectable } from '@nestjs/common';
import { ParticipantRegisteredV1, ParticipationStartedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import type { Em, EventHandler } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { Participation } from '../../domain/participation.aggregate.js';
import { ParticipationLifecycle } from '../participation-lifecycle.service.js';

/**
 * registration.participant-registered v1 → a participation starts (F-24). Idempotent twice over:
 * the inbox drops a redelivered event id, and a participant that already has a participation
 * (the same fact published again under a new id) is left as it is (unique participant_id).
 */
@Injectable()
export class ParticipantRegisteredHandler implements EventHandler<typeof ParticipantRegisteredV1> {
  readonly event = ParticipantRegisteredV1;

  constructor(
    @Inject(ContextServices) private readonly ctx: ContextServices,
    @Inject(ParticipationLifecycle) private readonly lifecycle: ParticipationLifecycle,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipantRegisteredV1>>, em: Em): Promise<void> {
    const e = envelope.payload;
    if (await em.findOne(Participation, { participantId: e.participantId })) return;
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
      this.ctx.deadlines,
      this.ctx.now(),
    );
    em.persist(participation);
    await em.flush();
    await this.lifecycle.armPlannedEnd(em, participation);
    await this.lifecycle.armQuarter(em, participation, participation.termStart);
    await this.ctx.publish(em, ParticipationStartedV1, participation.id, participation.bin, {
      participationId: participation.id,
      participantId: participation.participantId,
      bin: participation.bin,
      companyName: participation.companyName,
      activityTypeCodes: participation.activityTypes.map((a) => a.code),
      certificateNumber: participation.certificateNumber,
      termStart: participation.termStart,
      termEnd: participation.termEnd,
      extensionDeadline: this.ctx.deadlines.extensionDeadlineIfKnown(participation.termEnd),
    });
  }
}
