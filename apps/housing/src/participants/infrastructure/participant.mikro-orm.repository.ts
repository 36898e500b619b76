import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { HousingParticipantRepository } from '../application/ports/participant.repository.js';
import type { HousingParticipant } from '../domain/participant.aggregate.js';
import { HousingParticipantSchema } from './participant.schema.js';

/** The participants on MikroORM, on the current unit of work's EntityManager (in an inbox handler: the inbox's transaction). */
@Injectable()
export class MikroOrmHousingParticipantRepository extends HousingParticipantRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participantId: string): Promise<HousingParticipant | null> {
    return this.uow.em().findOne(HousingParticipantSchema, { participantId });
  }
  findByBin(bin: string): Promise<HousingParticipant | null> {
    return this.uow.em().findOne(HousingParticipantSchema, { bin }, { orderBy: { termStart: 'desc' } });
  }
  add(participant: HousingParticipant): void {
    this.uow.em().persist(participant);
  }
}
