import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { DocumentsParticipantRepository } from '../application/ports/participant.repository.js';
import type { DocumentsParticipant } from '../domain/participant.aggregate.js';
import { DocumentsParticipantSchema } from './participant.schema.js';

/** The participants on MikroORM, on the current unit of work's EntityManager (in an inbox handler: the inbox's transaction). */
@Injectable()
export class MikroOrmDocumentsParticipantRepository extends DocumentsParticipantRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(participantId: string): Promise<DocumentsParticipant | null> {
    return this.uow.em().findOne(DocumentsParticipantSchema, { participantId });
  }
  add(participant: DocumentsParticipant): void {
    this.uow.em().persist(participant);
  }
}
