import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { z } from 'zod';
import {
  type Actor,
  APPLICATION_REVIEWER_ROLES,
  ApplicationIdParams,
  ApplicationViewSchema,
  CastVoteBody,
  CommissionAgendaSchema,
  RecordDecisionBody,
} from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { CastVoteCommand } from '../../application/commands/cast-vote/cast-vote.handler.js';
import { RecordDecisionCommand } from '../../application/commands/record-decision/record-decision.handler.js';
import { RegistrationQueries } from '../../infrastructure/queries/registration.queries.js';

const tags = ['commission'];
type View = Awaited<ReturnType<RegistrationQueries['application']>>;

/** The selection Commission (F-13, F-15, F-16, F-20): members vote, the secretary records the decision as a protocol. */
@Controller()
export class CommissionHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RegistrationQueries) private readonly queries: RegistrationQueries,
  ) {}

  @Get('commission/agenda')
  @Endpoint({
    summary: 'Applications before the Commission, with their decision deadlines (F-15, F-20)',
    tags,
    access: APPLICATION_REVIEWER_ROLES,
    response: CommissionAgendaSchema,
  })
  agenda() {
    return this.queries.commissionAgenda();
  }

  @Post('applications/:id/votes')
  @HttpCode(200)
  @Endpoint({
    summary: "Record the calling member's vote (one per member; again replaces it)",
    tags,
    access: ['commission-member'],
    params: ApplicationIdParams,
    body: CastVoteBody,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async vote(
    @ValidParams() p: z.infer<typeof ApplicationIdParams>,
    @ValidBody() body: z.infer<typeof CastVoteBody>,
    @CurrentActor() actor: Actor,
  ): Promise<View> {
    await this.commands.execute(new CastVoteCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record the decision as a protocol: register, or refuse with F-16 grounds and reasons',
    tags,
    access: ['commission-secretary'],
    params: ApplicationIdParams,
    body: RecordDecisionBody,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async decide(
    @ValidParams() p: z.infer<typeof ApplicationIdParams>,
    @ValidBody() body: z.infer<typeof RecordDecisionBody>,
    @CurrentActor() actor: Actor,
  ): Promise<View> {
    await this.commands.execute(new RecordDecisionCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }
}
