import { Controller, Get, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { NotFoundError } from '@hub/kernel';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { AddPriceCommand, DefineServiceCommand, PublishCallCommand } from '../../application/commands/catalogue.commands.js';
import { CatalogueReadModel } from '../../application/ports/catalogue.read-model.js';
import {
  AddPriceBody,
  CallListQuery,
  CallViewSchema,
  CreatedSchema,
  DefineServiceBody,
  IdParams,
  PublishCallBody,
  ServiceViewSchema,
} from './catalogue.dto.js';

const tags = ['catalogue'];

/** The catalogue, the price list and the calls. Reads are public: the Fund publishes them on its internet resource (F-55). */
@Controller()
export class CatalogueHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CatalogueReadModel) private readonly reads: CatalogueReadModel,
  ) {}

  @Post('services')
  @Endpoint({
    summary: 'Add a service to the catalogue (F-43 … F-46)',
    tags,
    access: ['fund-officer'],
    body: DefineServiceBody,
    status: 201,
    response: CreatedSchema,
    errors: [409],
  })
  define(@ValidBody() body: z.infer<typeof DefineServiceBody>) {
    return this.commands.execute(new DefineServiceCommand(body));
  }

  @Get('services')
  @Endpoint({ summary: 'The catalogue with each price list (F-43 … F-46, F-56)', tags, access: 'public', response: z.array(ServiceViewSchema) })
  services() {
    return this.reads.services();
  }

  @Get('services/:id')
  @Endpoint({ summary: 'One service with its price list', tags, access: 'public', params: IdParams, response: ServiceViewSchema, errors: [404] })
  async service(@ValidParams() p: z.infer<typeof IdParams>) {
    const s = await this.reads.service(p.id);
    if (!s) throw new NotFoundError('service', p.id);
    return s;
  }

  @Post('services/:id/prices')
  @Endpoint({
    summary: "Add an effective-dated price-list entry from the Fund's internal document (F-56)",
    tags,
    access: ['fund-officer', 'finance-officer'],
    params: IdParams,
    body: AddPriceBody,
    status: 201,
    response: CreatedSchema,
    errors: [404, 409],
  })
  addPrice(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof AddPriceBody>) {
    return this.commands.execute(new AddPriceCommand(p.id, body));
  }

  @Post('calls')
  @Endpoint({
    summary: 'Publish a call: contract conditions and draft contract now, intake at least a month later (F-47, F-55)',
    tags,
    access: ['fund-officer'],
    body: PublishCallBody,
    status: 201,
    response: CreatedSchema,
    errors: [404, 422],
  })
  publish(@ValidBody() body: z.infer<typeof PublishCallBody>) {
    return this.commands.execute(new PublishCallCommand(body));
  }

  @Get('calls')
  @Endpoint({
    summary: 'Published calls with their conditions and draft contracts (F-55)',
    tags,
    access: 'public',
    query: CallListQuery,
    response: z.array(CallViewSchema),
  })
  calls(@ValidQuery() q: z.infer<typeof CallListQuery>) {
    return this.reads.calls(q);
  }

  @Get('calls/:id')
  @Endpoint({ summary: 'One call', tags, access: 'public', params: IdParams, response: CallViewSchema, errors: [404] })
  async call(@ValidParams() p: z.infer<typeof IdParams>) {
    const c = await this.reads.call(p.id);
    if (!c) throw new NotFoundError('call', p.id);
    return c;
  }
}
