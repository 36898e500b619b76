import { Global, Module } from '@nestjs/common';
import { premisesCommandHandlers } from './application/commands/premises.handlers.js';
import { PremisesHandBack } from './application/premises-hand-back.js';
import { PremisesLeaseReadModel, PremisesLeaseRepository } from './application/ports/premises.repository.js';
import { MikroOrmPremisesLeaseReadModel, MikroOrmPremisesLeaseRepository } from './infrastructure/premises.mikro-orm.repository.js';
import { PremisesHttpController } from './interface/http/premises.http.controller.js';

/** Premises for participants (F-57, F-58). Global: the termination consumer finds the repository through the export. */
@Global()
@Module({
  controllers: [PremisesHttpController],
  providers: [
    { provide: PremisesLeaseRepository, useClass: MikroOrmPremisesLeaseRepository },
    { provide: PremisesLeaseReadModel, useClass: MikroOrmPremisesLeaseReadModel },
    PremisesHandBack,
    ...premisesCommandHandlers,
  ],
  exports: [PremisesLeaseRepository, PremisesLeaseReadModel, PremisesHandBack],
})
export class PremisesModule {}
