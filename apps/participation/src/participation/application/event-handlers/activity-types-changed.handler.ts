import { Inject, Injectable } from '@nestjs/common';
import { ActivityTypesChangedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import type { Em, EventHandler } from '@hub/messaging';
import { ContextServices } from '../../../shared/application/platform.js';
import { Participation } from '../../domain/participation.aggregate.js';

/** registration.activity-types-changed v1 (F-20) → the participation's activity types follow. */
@Injectable()
export class ActivityTypesChangedHandler implements EventHandler<typeof ActivityTypesChangedV1> {
  readonly event = ActivityTypesChangedV1;

  constructor(@Inject(ContextServices) private readonly ctx: ContextServices) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ActivityTypesChangedV1>>, em: Em): Promise<void> {
    const e = envelope.payload;
    const participation = await em.findOne(Participation, { participantId: e.participantId });
    // Events of one company keep their order (keyed by BIN), so a missing participation is an
    // anomaly: retried, then dead-lettered for a person to look at.
    if (!participation) throw new NotFoundError('participation of participant', e.participantId);
    participation.changeActivityTypes(e.activityTypes, this.ctx.now());
    await em.flush();
  }
}
