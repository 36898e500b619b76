import { Global, Module } from '@nestjs/common';
import { RegisterBuildingHandler, RegisterUnitHandler, TakeUnitOutOfServiceHandler } from './application/commands/inventory.handlers.js';
import { InventoryReadModel, InventoryRepository } from './application/ports/inventory.repository.js';
import { MikroOrmInventoryReadModel, MikroOrmInventoryRepository } from './infrastructure/inventory.mikro-orm.repository.js';
import { InventoryHttpController } from './interface/http/inventory.http.controller.js';

/** Buildings and units (ADR 0035 §9). Global: the acceleration module and the timers find the repository through the export. */
@Global()
@Module({
  controllers: [InventoryHttpController],
  providers: [
    { provide: InventoryRepository, useClass: MikroOrmInventoryRepository },
    { provide: InventoryReadModel, useClass: MikroOrmInventoryReadModel },
    RegisterBuildingHandler,
    RegisterUnitHandler,
    TakeUnitOutOfServiceHandler,
  ],
  exports: [InventoryRepository, InventoryReadModel],
})
export class InventoryModule {}
