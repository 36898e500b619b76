import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { type BuildingView, InventoryReadModel, InventoryRepository, type UnitView } from '../application/ports/inventory.repository.js';
import type { Building } from '../domain/building.aggregate.js';
import type { HousingUnit } from '../domain/housing-unit.aggregate.js';
import { BuildingSchema, HousingUnitSchema } from './inventory.schema.js';

@Injectable()
export class MikroOrmInventoryRepository extends InventoryRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async building(id: string): Promise<Building> {
    const b = await this.uow.em().findOne(BuildingSchema, { id });
    if (!b) throw new NotFoundError('building', id);
    return b;
  }
  async unit(id: string): Promise<HousingUnit> {
    const u = await this.uow.em().findOne(HousingUnitSchema, { id });
    if (!u) throw new NotFoundError('unit', id);
    return u;
  }
  dwellingsIn(townKatoCode: string): Promise<HousingUnit[]> {
    return this.uow.em().find(HousingUnitSchema, { townKatoCode, kind: 'dwelling' }, { orderBy: { buildingId: 'asc', code: 'asc' } });
  }
  addBuilding(b: Building): void {
    this.uow.em().persist(b);
  }
  addUnit(u: HousingUnit): void {
    this.uow.em().persist(u);
  }
}

export const buildingView = (b: Building): BuildingView => ({
  id: b.id,
  name: b.name,
  address: b.address,
  town: { katoCode: b.townKatoCode, name: b.townName },
});
export const unitView = (u: HousingUnit): UnitView => ({
  id: u.id,
  buildingId: u.buildingId,
  townKatoCode: u.townKatoCode,
  code: u.code,
  kind: u.kind,
  premisesKind: u.premisesKind,
  areaM2: u.areaM2,
  rooms: u.rooms,
  inventory: u.inventory,
  meters: u.meters,
  outOfService: u.outOfService,
});

@Injectable()
export class MikroOrmInventoryReadModel extends InventoryReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async buildings(filter: { townKatoCode?: string }): Promise<BuildingView[]> {
    const rows = await this.uow
      .reader()
      .find(BuildingSchema, filter.townKatoCode ? { townKatoCode: filter.townKatoCode } : {}, { orderBy: { name: 'asc', id: 'asc' }, limit: 500 });
    return rows.map(buildingView);
  }
  async units(filter: { buildingId?: string; townKatoCode?: string; kind?: 'dwelling' | 'premises' }): Promise<UnitView[]> {
    const rows = await this.uow.reader().find(
      HousingUnitSchema,
      {
        ...(filter.buildingId ? { buildingId: filter.buildingId } : {}),
        ...(filter.townKatoCode ? { townKatoCode: filter.townKatoCode } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
      },
      { orderBy: { buildingId: 'asc', code: 'asc' }, limit: 1000 },
    );
    return rows.map(unitView);
  }
  async unit(id: string): Promise<UnitView | null> {
    const u = await this.uow.reader().findOne(HousingUnitSchema, { id });
    return u ? unitView(u) : null;
  }
}
