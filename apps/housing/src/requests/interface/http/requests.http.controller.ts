import { Controller, Get, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { type Actor, FUND_STAFF_ROLES } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { OpenRequestCommand } from '../../application/commands/open-request/open-request.command.js';
import { RequestsQueries } from '../../application/queries/requests.queries.js';
import { OpenRequestBody, RequestIdParams, RequestListQuery, RequestViewSchema } from './requests.dto.js';

const tags = ['requests'];

/**
 * Requests over HTTP. Every route declares its access with `@Endpoint` (the guard denies a route
 * without one); the same list is in the gateway's route table (apps/admin-gateway/src/access/route-table.ts).
 */
@Controller('requests')
export class RequestsHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RequestsQueries) private readonly queries: RequestsQueries,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Open a request for a company the caller represents (F-00, placeholder)',
    tags,
    access: ['applicant'],
    body: OpenRequestBody,
    status: 201,
    response: RequestViewSchema,
    errors: [403, 422],
  })
  async open(@ValidBody() body: z.infer<typeof OpenRequestBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new OpenRequestCommand(body, actor));
    return this.queries.get(id, actor);
  }

  @Get()
  @Endpoint({
    summary: "Requests (a representative: its own companies' only, F-35)",
    tags,
    access: ['applicant', ...FUND_STAFF_ROLES],
    query: RequestListQuery,
    response: z.array(RequestViewSchema),
  })
  list(@ValidQuery() q: z.infer<typeof RequestListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.list(actor, q);
  }

  @Get(':id')
  @Endpoint({ summary: 'One request', tags, access: ['applicant', ...FUND_STAFF_ROLES], params: RequestIdParams, response: RequestViewSchema, errors: [404] })
  get(@ValidParams() p: z.infer<typeof RequestIdParams>, @CurrentActor() actor: Actor) {
    return this.queries.get(p.id, actor);
  }
}
