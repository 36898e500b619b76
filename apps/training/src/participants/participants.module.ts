import { Global, Module } from '@nestjs/common';
import { TrainingParticipantRepository } from './application/ports/participant.repository.js';
import { MikroOrmTrainingParticipantRepository } from './infrastructure/participant.mikro-orm.repository.js';

/**
 * The participants module: this context's copy of the Hub's participants, kept by the consumer of
 * registration's events. Global because the platform instantiates the event handlers (app.module.ts
 * `consumers`) in its own module: they find the repository through this export.
 */
@Global()
@Module({
  providers: [{ provide: TrainingParticipantRepository, useClass: MikroOrmTrainingParticipantRepository }],
  exports: [TrainingParticipantRepository],
})
export class ParticipantsModule {}
