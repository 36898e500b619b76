import { Controller, Get, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { COMMISSION_ROLES, IdParams, MonitoringConclusionBody, MonitoringConclusionDto, type Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { RecordConclusionCommand } from '../../application/commands/record-conclusion/record-conclusion.command.js';
import { MonitoringQueries } from '../../application/queries/monitoring.queries.js';
import type { MonitoringConclusion } from '../../domain/monitoring-conclusion.js';

const dto = (c: MonitoringConclusion): z.infer<typeof MonitoringConclusionDto> => ({
  id: c.id,
  participationId: c.participationId,
  project: c.project,
  periodFrom: c.periodFrom,
  periodTo: c.periodTo,
  conclusion: c.conclusion,
  reasoning: c.reasoning,
  concludedOn: c.concludedOn,
});

/** Monitoring (F-36, F-40). */
@Controller()
export class MonitoringController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(MonitoringQueries) private readonly queries: MonitoringQueries,
  ) {}

  @Post('participations/:id/monitoring-conclusions')
  @Endpoint({
    summary: 'F-36, F-40: record whether further implementation of a project is expedient for a period',
    access: ['fund-officer'],
    params: IdParams,
    body: MonitoringConclusionBody,
    response: MonitoringConclusionDto,
    errors: [404, 409],
  })
  async record(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>, @ValidBody() b: z.infer<typeof MonitoringConclusionBody>) {
    return dto(await this.commands.execute(new RecordConclusionCommand(actor, p.id, b)));
  }

  @Get('participations/:id/monitoring-conclusions')
  @Endpoint({
    summary: 'F-36, F-40: monitoring conclusions of a participation',
    access: ['fund-officer', ...COMMISSION_ROLES],
    params: IdParams,
    response: z.array(MonitoringConclusionDto),
  })
  async list(@ValidParams() p: z.infer<typeof IdParams>) {
    return (await this.queries.conclusionsOf(p.id)).map(dto);
  }
}
