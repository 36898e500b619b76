import { Global, Module } from '@nestjs/common';
import { sharedProviders } from '../shared/infrastructure/shared.providers.js';
import { ServicesParametersSource } from '../shared/application/ports/services-parameters.source.js';
import { WorkingDays } from '../shared/application/ports/working-days.js';
import { AddPriceHandler, DefineServiceHandler, PublishCallHandler } from './application/commands/catalogue.handlers.js';
import { CatalogueReadModel } from './application/ports/catalogue.read-model.js';
import { CatalogueRepository } from './application/ports/catalogue.repository.js';
import { MikroOrmCatalogueReadModel, MikroOrmCatalogueRepository } from './infrastructure/catalogue.mikro-orm.repository.js';
import { CatalogueHttpController } from './interface/http/catalogue.http.controller.js';

/** The catalogue, price list and calls (F-43 … F-47, F-55, F-56). Global: applications use its repository and the shared ports. */
@Global()
@Module({
  controllers: [CatalogueHttpController],
  providers: [
    ...sharedProviders,
    { provide: CatalogueRepository, useClass: MikroOrmCatalogueRepository },
    { provide: CatalogueReadModel, useClass: MikroOrmCatalogueReadModel },
    DefineServiceHandler,
    AddPriceHandler,
    PublishCallHandler,
  ],
  exports: [CatalogueRepository, WorkingDays, ServicesParametersSource],
})
export class CatalogueModule {}
