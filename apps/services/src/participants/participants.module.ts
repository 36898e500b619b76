import { Global, Module } from '@nestjs/common';
import { ServicesParticipationRepository } from './application/ports/participant.repository.js';
import { MikroOrmServicesParticipationRepository } from './infrastructure/participant.mikro-orm.repository.js';

/** The local copy of participation's facts (ADR 0062). Global: the platform's consumer and the applications' handlers use the port. */
@Global()
@Module({
  providers: [{ provide: ServicesParticipationRepository, useClass: MikroOrmServicesParticipationRepository }],
  exports: [ServicesParticipationRepository],
})
export class ParticipantsModule {}
