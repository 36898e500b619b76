import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { UnitOfWork } from '@hub/nest-commons';
import { TrainingParticipationRepository } from '../application/ports/participation.repository.js';
import type { TrainingParticipation } from '../domain/participation.aggregate.js';
import { TrainingParticipationSchema } from './participation.schema.js';

/** The repository on the unit of work's EntityManager (ADR 0035 §4). */
@Injectable()
export class MikroOrmTrainingParticipationRepository extends TrainingParticipationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participationId: string): Promise<TrainingParticipation | null> {
    return this.uow.em().findOne(TrainingParticipationSchema, { participationId });
  }
  add(participation: TrainingParticipation): void {
    this.uow.em().persist(participation);
  }
  async isActiveParticipant(bin: string, day: IsoDate): Promise<boolean> {
    const rows = await this.uow.em().find(TrainingParticipationSchema, { bin });
    return rows.some((p) => p.isActiveOn(day));
  }
}
