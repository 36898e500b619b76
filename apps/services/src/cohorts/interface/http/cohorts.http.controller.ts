import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { NotFoundError } from '@hub/kernel';
import { Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { CompleteEnrolmentCommand, EnrolCommand, ExpelCommand, OpenCohortCommand } from '../../application/commands/cohort.commands.js';
import { CohortReadModel } from '../../application/ports/cohort.repository.js';
import { CohortViewSchema, CompleteBody, EnrolBody, EnrolmentViewSchema, ExpelBody, IdParams, ListQuery, OpenCohortBody } from './cohorts.dto.js';

const tags = ['cohorts'];
/** The Fund's people who read who is enrolled (F-42: IINs masked): the programme officer, finance, the auditor. */
const ENROLMENT_READERS = ['fund-officer', 'finance-officer', 'auditor'] as const;

/** Acceleration cohorts (F-44) and enrolments under service contracts (F-55). The same routes are in the gateway's table. */
@Controller()
export class CohortsHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CohortReadModel) private readonly reads: CohortReadModel,
  ) {}

  @Get('cohorts')
  @Endpoint({
    summary: 'Acceleration cohorts: town, dates, places left (public)',
    tags,
    access: 'public',
    query: ListQuery,
    response: z.array(CohortViewSchema),
  })
  list(@ValidQuery() q: z.infer<typeof ListQuery>) {
    return this.reads.list(q.serviceId ? { serviceId: q.serviceId } : {});
  }

  @Get('cohorts/:id')
  @Endpoint({ summary: 'One acceleration cohort (public)', tags, access: 'public', params: IdParams, response: CohortViewSchema, errors: [404] })
  async get(@ValidParams() p: z.infer<typeof IdParams>) {
    return (await this.reads.get(p.id)) ?? this.notFound(p.id);
  }

  @Post('cohorts')
  @Endpoint({
    summary: 'Open a cohort of an acceleration service (F-44)',
    tags,
    access: ['fund-officer'],
    body: OpenCohortBody,
    status: 201,
    response: CohortViewSchema,
    errors: [404, 422],
  })
  async open(@ValidBody() body: z.infer<typeof OpenCohortBody>) {
    const { id } = await this.commands.execute(new OpenCohortCommand(body));
    return (await this.reads.get(id)) ?? this.notFound(id);
  }

  @Get('cohorts/:id/enrolments')
  @Endpoint({
    summary: 'Who is enrolled in the cohort (IINs masked, F-42)',
    tags,
    access: [...ENROLMENT_READERS],
    params: IdParams,
    response: z.array(EnrolmentViewSchema),
    errors: [404],
  })
  async enrolments(@ValidParams() p: z.infer<typeof IdParams>) {
    if (!(await this.reads.get(p.id))) this.notFound(p.id);
    return this.reads.enrolments(p.id);
  }

  @Post('cohorts/:id/enrolments')
  @Endpoint({
    summary: 'Enrol the person of a contracted application (F-44 capacity, F-55 contract)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: EnrolBody,
    status: 201,
    response: EnrolmentViewSchema,
    errors: [404, 409, 422],
  })
  async enrol(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof EnrolBody>) {
    const { id } = await this.commands.execute(new EnrolCommand(p.id, body));
    return this.enrolment(p.id, id);
  }

  @Post('cohort-enrolments/:id/expulsion')
  @HttpCode(200)
  @Endpoint({
    summary: 'Expel a person from the cohort (or record that they left): the place is freed; housing starts its vacate deadline (F-61)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: ExpelBody,
    response: z.object({ id: z.uuid(), status: z.literal('expelled') }),
    errors: [404, 409, 422],
  })
  async expel(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ExpelBody>) {
    await this.commands.execute(new ExpelCommand(p.id, body));
    return { id: p.id, status: 'expelled' as const };
  }

  @Post('cohort-enrolments/:id/completion')
  @HttpCode(200)
  @Endpoint({
    summary: 'The person completed the programme (F-44; housing ends the housing contract, F-60)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: CompleteBody,
    response: z.object({ id: z.uuid(), status: z.literal('completed') }),
    errors: [404, 409],
  })
  async complete(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof CompleteBody>) {
    await this.commands.execute(new CompleteEnrolmentCommand(p.id, body.completedOn));
    return { id: p.id, status: 'completed' as const };
  }

  private async enrolment(cohortId: string, id: string) {
    const found = (await this.reads.enrolments(cohortId)).find((e) => e.id === id);
    if (!found) throw new NotFoundError('enrolment', id);
    return found;
  }
  private notFound(id: string): never {
    throw new NotFoundError('cohort', id);
  }
}
