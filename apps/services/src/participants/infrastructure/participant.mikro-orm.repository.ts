import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { UnitOfWork } from '@hub/nest-commons';
import { ServicesParticipationRepository } from '../application/ports/participant.repository.js';
import type { ServicesParticipation } from '../domain/participant.aggregate.js';
import { ServicesParticipationSchema } from './participant.schema.js';

/** The repository on the unit of work's EntityManager (ADR 0035 §4). */
@Injectable()
export class MikroOrmServicesParticipationRepository extends ServicesParticipationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participationId: string): Promise<ServicesParticipation | null> {
    return this.uow.em().findOne(ServicesParticipationSchema, { participationId });
  }
  add(participation: ServicesParticipation): void {
    this.uow.em().persist(participation);
  }
  async isActiveParticipant(bin: string, day: IsoDate): Promise<boolean> {
    const rows = await this.uow.em().find(ServicesParticipationSchema, { bin });
    return rows.some((p) => p.isActiveOn(day));
  }
}
