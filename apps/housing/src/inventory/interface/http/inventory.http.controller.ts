import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { FUND_STAFF_ROLES } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { RegisterBuildingCommand, RegisterUnitCommand, TakeUnitOutOfServiceCommand } from '../../application/commands/inventory.commands.js';
import { InventoryReadModel } from '../../application/ports/inventory.repository.js';
import {
  BuildingListQuery,
  BuildingViewSchema,
  IdParams,
  OutOfServiceBody,
  RegisterBuildingBody,
  RegisterUnitBody,
  UnitListQuery,
  UnitViewSchema,
} from './inventory.dto.js';

const tags = ['inventory'];
const MANAGER = ['housing-manager'] as const;

/** Buildings and units: the housing manager keeps them; the Fund's staff read them. */
@Controller()
export class InventoryHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(InventoryReadModel) private readonly reads: InventoryReadModel,
  ) {}

  @Post('buildings')
  @Endpoint({
    summary: 'Register a building in a town (KATO code + name)',
    tags,
    access: [...MANAGER],
    body: RegisterBuildingBody,
    status: 201,
    response: BuildingViewSchema,
  })
  async registerBuilding(@ValidBody() body: z.infer<typeof RegisterBuildingBody>) {
    const { id } = await this.commands.execute(new RegisterBuildingCommand(body));
    return (await this.reads.buildings({})).find((b) => b.id === id);
  }

  @Get('buildings')
  @Endpoint({ summary: 'Buildings', tags, access: [...FUND_STAFF_ROLES], query: BuildingListQuery, response: z.array(BuildingViewSchema) })
  buildings(@ValidQuery() q: z.infer<typeof BuildingListQuery>) {
    return this.reads.buildings(q);
  }

  @Post('buildings/:id/units')
  @Endpoint({
    summary: 'Register a dwelling (rooms, beds, inventory, meters) or premises (F-57: kind, area in m²) in a building',
    tags,
    access: [...MANAGER],
    params: IdParams,
    body: RegisterUnitBody,
    status: 201,
    response: UnitViewSchema,
    errors: [404],
  })
  async registerUnit(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof RegisterUnitBody>) {
    const { id } = await this.commands.execute(new RegisterUnitCommand(p.id, body));
    return this.reads.unit(id);
  }

  @Get('units')
  @Endpoint({ summary: 'Units (dwellings and premises)', tags, access: [...FUND_STAFF_ROLES], query: UnitListQuery, response: z.array(UnitViewSchema) })
  units(@ValidQuery() q: z.infer<typeof UnitListQuery>) {
    return this.reads.units(q);
  }

  @Post('units/:id/out-of-service')
  @HttpCode(200)
  @Endpoint({
    summary: 'Take a unit out of service for a period',
    tags,
    access: [...MANAGER],
    params: IdParams,
    body: OutOfServiceBody,
    response: UnitViewSchema,
    errors: [404],
  })
  async outOfService(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof OutOfServiceBody>) {
    await this.commands.execute(new TakeUnitOutOfServiceCommand(p.id, body));
    const unit = await this.reads.unit(p.id);
    if (!unit) throw new NotFoundError('unit', p.id);
    return unit;
  }
}
