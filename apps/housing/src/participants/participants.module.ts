import { Global, Module } from '@nestjs/common';
import { HousingParticipantRepository } from './application/ports/participant.repository.js';
import { MikroOrmHousingParticipantRepository } from './infrastructure/participant.mikro-orm.repository.js';

/**
 * The participants module: this context's copy of the Hub's participants, kept by the consumer of
 * registration's events. Global because the platform instantiates the event handlers (app.module.ts
 * `consumers`) in its own module: they find the repository through this export.
 */
@Global()
@Module({
  providers: [{ provide: HousingParticipantRepository, useClass: MikroOrmHousingParticipantRepository }],
  exports: [HousingParticipantRepository],
})
export class ParticipantsModule {}
