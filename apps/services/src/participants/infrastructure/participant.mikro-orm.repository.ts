import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { ServicesParticipantRepository } from '../application/ports/participant.repository.js';
import type { ServicesParticipant } from '../domain/participant.aggregate.js';
import { ServicesParticipantSchema } from './participant.schema.js';

/** The participants on MikroORM, on the current unit of work's EntityManager (in an inbox handler: the inbox's transaction). */
@Injectable()
export class MikroOrmServicesParticipantRepository extends ServicesParticipantRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participantId: string): Promise<ServicesParticipant | null> {
    return this.uow.em().findOne(ServicesParticipantSchema, { participantId });
  }
  add(participant: ServicesParticipant): void {
    this.uow.em().persist(participant);
  }
}
