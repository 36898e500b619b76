import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { Building } from '../../domain/building.aggregate.js';
import { HousingUnit } from '../../domain/housing-unit.aggregate.js';
import { InventoryRepository } from '../ports/inventory.repository.js';
import { RegisterBuildingCommand, RegisterUnitCommand, TakeUnitOutOfServiceCommand } from './inventory.commands.js';

@CommandHandler(RegisterBuildingCommand)
export class RegisterBuildingHandler implements ICommandHandler<RegisterBuildingCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(InventoryRepository) private readonly inventory: InventoryRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input }: RegisterBuildingCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const b = Building.register({
        id: uuidv7(),
        name: input.name,
        address: input.address,
        townKatoCode: input.town.katoCode,
        townName: input.town.name,
        at: this.clock.now(),
      });
      this.inventory.addBuilding(b);
      return { id: b.id };
    });
  }
}

@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(InventoryRepository) private readonly inventory: InventoryRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ buildingId, input }: RegisterUnitCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const building = await this.inventory.building(buildingId);
      const u = HousingUnit.register({
        id: uuidv7(),
        buildingId: building.id,
        townKatoCode: building.townKatoCode,
        code: input.code,
        kind: input.kind,
        premisesKind: input.premisesKind ?? null,
        areaM2: input.areaM2 ?? null,
        rooms: input.rooms ?? [],
        inventory: input.inventory ?? [],
        meters: input.meters ?? [],
        at: this.clock.now(),
      });
      this.inventory.addUnit(u);
      return { id: u.id };
    });
  }
}

@CommandHandler(TakeUnitOutOfServiceCommand)
export class TakeUnitOutOfServiceHandler implements ICommandHandler<TakeUnitOutOfServiceCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(InventoryRepository) private readonly inventory: InventoryRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ unitId, period }: TakeUnitOutOfServiceCommand): Promise<void> {
    return this.uow.run(async () => {
      (await this.inventory.unit(unitId)).takeOutOfService(period, this.clock.now());
    });
  }
}
