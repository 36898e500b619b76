import { Global, Module } from '@nestjs/common';
import { TrainingParticipantRepository } from './application/ports/participant.repository.js';
import { MikroOrmTrainingParticipantRepository } from './infrastructure/participant.mikro-orm.repository.js';
import { TrainingParticipationRepository } from './application/ports/participation.repository.js';
import { MikroOrmTrainingParticipationRepository } from './infrastructure/participation.mikro-orm.repository.js';

/**
 * The participants module: this context's copy of the Hub's participants, kept by the consumers of
 * registration's and participation's events (ADR 0062). Global because the platform instantiates the event handlers (app.module.ts
 * `consumers`) in its own module: they find the repository through this export.
 */
@Global()
@Module({
  providers: [
    { provide: TrainingParticipantRepository, useClass: MikroOrmTrainingParticipantRepository },
    { provide: TrainingParticipationRepository, useClass: MikroOrmTrainingParticipationRepository },
  ],
  exports: [TrainingParticipantRepository, TrainingParticipationRepository],
})
export class ParticipantsModule {}
