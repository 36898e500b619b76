import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { TrainingParticipantRepository } from '../application/ports/participant.repository.js';
import type { TrainingParticipant } from '../domain/participant.aggregate.js';
import { TrainingParticipantSchema } from './participant.schema.js';

/** The participants on MikroORM, on the current unit of work's EntityManager (in an inbox handler: the inbox's transaction). */
@Injectable()
export class MikroOrmTrainingParticipantRepository extends TrainingParticipantRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participantId: string): Promise<TrainingParticipant | null> {
    return this.uow.em().findOne(TrainingParticipantSchema, { participantId });
  }
  add(participant: TrainingParticipant): void {
    this.uow.em().persist(participant);
  }
}
