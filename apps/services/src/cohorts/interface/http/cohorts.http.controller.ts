import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { NotFoundError } from '@hub/kernel';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { CompleteEnrolmentCommand, EnrolPersonCommand, ExpelPersonCommand, OpenCohortCommand } from '../../application/commands/cohort.commands.js';
import { CohortReadModel } from '../../application/ports/cohort.repository.js';
import { CohortIdParams, CohortListQuery, CohortViewSchema, EnrolBody, EnrolmentParams, ExpelBody, OpenCohortBody } from './cohorts.dto.js';

const tags = ['cohorts'];
/** The people's IINs are in the view (F-42): the Fund's officer, finance and the auditor only. */
const READERS = ['fund-officer', 'finance-officer', 'auditor'] as const;

/** Acceleration cohorts (F-44): enrolment, expulsion, completion — published facts housing depends on (F-59 … F-61). */
@Controller('cohorts')
export class CohortsHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CohortReadModel) private readonly reads: CohortReadModel,
  ) {}

  /** F-42 (ADR 0068): every view with members' IINs is a logged read. */
  private async view(id: string, actor: Actor) {
    const v = await this.reads.find(id, actor);
    if (!v) throw new NotFoundError('cohort', id);
    return v;
  }

  @Post()
  @Endpoint({
    summary: 'Open a cohort of an acceleration service (F-44)',
    tags,
    access: ['fund-officer'],
    body: OpenCohortBody,
    status: 201,
    response: CohortViewSchema,
    errors: [404, 422],
  })
  async open(@CurrentActor() actor: Actor, @ValidBody() body: z.infer<typeof OpenCohortBody>) {
    const { id } = await this.commands.execute<OpenCohortCommand, { id: string }>(new OpenCohortCommand(body));
    return this.view(id, actor);
  }

  @Get()
  @Endpoint({ summary: 'Cohorts with their enrolments', tags, access: [...READERS], query: CohortListQuery, response: z.array(CohortViewSchema) })
  list(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof CohortListQuery>) {
    return this.reads.list(q, actor);
  }

  @Get(':id')
  @Endpoint({ summary: 'One cohort with its enrolments', tags, access: [...READERS], params: CohortIdParams, response: CohortViewSchema, errors: [404] })
  get(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof CohortIdParams>) {
    return this.view(p.id, actor);
  }

  @Post(':id/enrolments')
  @Endpoint({
    summary: 'Enrol a person under a contracted application, within the capacity (F-44, F-55)',
    tags,
    access: ['fund-officer'],
    params: CohortIdParams,
    body: EnrolBody,
    status: 201,
    response: CohortViewSchema,
    errors: [404, 409, 422],
  })
  async enrol(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof CohortIdParams>, @ValidBody() body: z.infer<typeof EnrolBody>) {
    await this.commands.execute(new EnrolPersonCommand(p.id, body));
    return this.view(p.id, actor);
  }

  @Post(':id/enrolments/:enrolmentId/expulsion')
  @HttpCode(200)
  @Endpoint({
    summary: 'Expel a person from the cohort with a ground and reasons (F-44; housing: F-61)',
    tags,
    access: ['fund-officer'],
    params: EnrolmentParams,
    body: ExpelBody,
    response: CohortViewSchema,
    errors: [404, 409, 422],
  })
  async expel(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof EnrolmentParams>, @ValidBody() body: z.infer<typeof ExpelBody>) {
    await this.commands.execute(new ExpelPersonCommand(p.id, p.enrolmentId, body));
    return this.view(p.id, actor);
  }

  @Post(':id/enrolments/:enrolmentId/completion')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record that the person completed the cohort (F-44; housing: F-60)',
    tags,
    access: ['fund-officer'],
    params: EnrolmentParams,
    response: CohortViewSchema,
    errors: [404, 409, 422],
  })
  async complete(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof EnrolmentParams>) {
    await this.commands.execute(new CompleteEnrolmentCommand(p.id, p.enrolmentId));
    return this.view(p.id, actor);
  }
}
