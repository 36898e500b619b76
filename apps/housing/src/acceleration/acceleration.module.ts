import { Global, Module } from '@nestjs/common';
import { sharedProviders } from '../shared/infrastructure/shared.providers.js';
import { accelerationCommandHandlers } from './application/commands/acceleration.handlers.js';
import { PersonLeftAcceleration } from './application/event-handlers/cohort.handlers.js';
import { HousingF42Retention } from './application/f42-retention.js';
import { PlaceOffering } from './application/place-offering.js';
import { AccelerationReadModel } from './application/ports/acceleration.read-model.js';
import { AccelerationRepository } from './application/ports/acceleration.repository.js';
import { AccelerationQueries } from './application/queries/acceleration.queries.js';
import { MikroOrmAccelerationReadModel, MikroOrmAccelerationRepository } from './infrastructure/acceleration.mikro-orm.repository.js';
import { HousingMetrics } from './infrastructure/housing.metrics.js';
import { AccelerationHttpController } from './interface/http/acceleration.http.controller.js';

/**
 * Housing for people in acceleration (F-59 … F-62). Global because the platform instantiates the
 * timer and event handlers in its own module: they find the ports through these exports.
 */
@Global()
@Module({
  controllers: [AccelerationHttpController],
  providers: [
    ...sharedProviders,
    { provide: AccelerationRepository, useClass: MikroOrmAccelerationRepository },
    { provide: AccelerationReadModel, useClass: MikroOrmAccelerationReadModel },
    PlaceOffering,
    PersonLeftAcceleration,
    HousingF42Retention,
    AccelerationQueries,
    HousingMetrics,
    ...accelerationCommandHandlers,
  ],
  exports: [
    ...sharedProviders.map((p) => (p as { provide: unknown }).provide as never),
    AccelerationRepository,
    PlaceOffering,
    PersonLeftAcceleration,
    HousingF42Retention,
  ],
})
export class AccelerationModule {}
