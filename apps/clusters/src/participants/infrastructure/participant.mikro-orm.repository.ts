import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { ClustersParticipantRepository } from '../application/ports/participant.repository.js';
import type { ClustersParticipant } from '../domain/participant.aggregate.js';
import { ClustersParticipantSchema } from './participant.schema.js';

/** The participants on MikroORM, on the current unit of work's EntityManager (in an inbox handler: the inbox's transaction). */
@Injectable()
export class MikroOrmClustersParticipantRepository extends ClustersParticipantRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participantId: string): Promise<ClustersParticipant | null> {
    return this.uow.em().findOne(ClustersParticipantSchema, { participantId });
  }
  add(participant: ClustersParticipant): void {
    this.uow.em().persist(participant);
  }
}
