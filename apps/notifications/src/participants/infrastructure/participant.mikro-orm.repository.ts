import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { NotificationsParticipantRepository } from '../application/ports/participant.repository.js';
import type { NotificationsParticipant } from '../domain/participant.aggregate.js';
import { NotificationsParticipantSchema } from './participant.schema.js';

/** The participants on MikroORM, on the current unit of work's EntityManager (in an inbox handler: the inbox's transaction). */
@Injectable()
export class MikroOrmNotificationsParticipantRepository extends NotificationsParticipantRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participantId: string): Promise<NotificationsParticipant | null> {
    return this.uow.em().findOne(NotificationsParticipantSchema, { participantId });
  }
  add(participant: NotificationsParticipant): void {
    this.uow.em().persist(participant);
  }
}
