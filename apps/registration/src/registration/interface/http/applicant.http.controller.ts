import { Controller, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { z } from 'zod';
import {
  type Actor,
  ApplicationIdParams,
  ApplicationListQuery,
  ApplicationPageSchema,
  ApplicationViewSchema,
  CreateApplicationBody,
  EditApplicationBody,
  APPLICATION_REVIEWER_ROLES,
  ResubmitBody,
} from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { CreateApplicationCommand } from '../../application/commands/create-application/create-application.handler.js';
import { EditApplicationCommand } from '../../application/commands/edit-application/edit-application.handler.js';
import { ResubmitApplicationCommand } from '../../application/commands/resubmit-application/resubmit-application.handler.js';
import { SubmitApplicationCommand } from '../../application/commands/submit-application/submit-application.handler.js';
import { RegistrationQueries } from '../../infrastructure/queries/registration.queries.js';
import type { DraftPatch } from '../../domain/application.aggregate.js';

const tags = ['applications'];
type View = Awaited<ReturnType<RegistrationQueries['application']>>;

/** The applicant's side (F-8 … F-11, F-14, F-17, F-20). F-35: an applicant only reaches its own companies' applications; others answer 404. */
@Controller('applications')
export class ApplicantHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RegistrationQueries) private readonly queries: RegistrationQueries,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Start a draft application (registration, or activity-type change F-20)',
    tags,
    access: ['applicant'],
    body: CreateApplicationBody,
    response: ApplicationViewSchema,
    errors: [409],
  })
  async create(@ValidBody() body: z.infer<typeof CreateApplicationBody>, @CurrentActor() actor: Actor): Promise<View> {
    // Issue #17: answered from the aggregate just created — no re-read after write.
    const { application } = await this.commands.execute(new CreateApplicationCommand(body, actor));
    return this.queries.createdDraftView(application, actor);
  }

  @Get()
  @Endpoint({
    summary: 'List applications (summaries; an applicant: its own companies only; fund officers and the Commission: all)',
    tags,
    access: ['applicant', ...APPLICATION_REVIEWER_ROLES],
    query: ApplicationListQuery,
    response: ApplicationPageSchema,
  })
  list(@ValidQuery() q: z.infer<typeof ApplicationListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.applications(actor, q);
  }

  @Get(':id')
  @Endpoint({
    summary: 'One application with its status, remarks, eligibility outcomes, decision and deadlines',
    tags,
    access: ['applicant', ...APPLICATION_REVIEWER_ROLES],
    params: ApplicationIdParams,
    response: ApplicationViewSchema,
    errors: [404],
  })
  get(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor): Promise<View> {
    return this.queries.application(p.id, actor);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Fill or correct the draft: business plan (Annex 1), tax certificate, place of business, F-7 declaration, activity types',
    tags,
    access: ['applicant'],
    params: ApplicationIdParams,
    body: EditApplicationBody,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async edit(
    @ValidParams() p: z.infer<typeof ApplicationIdParams>,
    @ValidBody() body: z.infer<typeof EditApplicationBody>,
    @CurrentActor() actor: Actor,
  ): Promise<View> {
    await this.commands.execute(new EditApplicationCommand(p.id, body as DraftPatch, actor));
    return this.queries.application(p.id, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Endpoint({
    summary: 'File the application (F-8): completeness (F-9, Annex 1) and eligibility (F-7, F-9(2)) are checked',
    tags,
    access: ['applicant'],
    params: ApplicationIdParams,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async submit(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor): Promise<View> {
    await this.commands.execute(new SubmitApplicationCommand(p.id, actor));
    return this.queries.application(p.id, actor);
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @Endpoint({
    summary: 'Answer every remark and file again (F-14, F-15)',
    tags,
    access: ['applicant'],
    params: ApplicationIdParams,
    body: ResubmitBody,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async resubmit(
    @ValidParams() p: z.infer<typeof ApplicationIdParams>,
    @ValidBody() body: z.infer<typeof ResubmitBody>,
    @CurrentActor() actor: Actor,
  ): Promise<View> {
    await this.commands.execute(new ResubmitApplicationCommand(p.id, body.answers, actor));
    return this.queries.application(p.id, actor);
  }
}
