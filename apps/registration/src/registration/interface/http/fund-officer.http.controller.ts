import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { z } from 'zod';
import {
  DEADLINE_READER_ROLES,
  type Actor,
  ApplicationIdParams,
  ApplicationViewSchema,
  CompleteTranslationBody,
  DeadlinesQuery,
  DeadlinesPageSchema,
  IssueRemarksBody,
  ReviewQueuePageSchema,
  PARTICIPANT_FILE_ROLES,
  ReviewQueueQuery,
  SignContractBody,
  TranslationTaskIdParams,
  TranslationTaskSchema,
} from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { CompleteTranslationCommand } from '../../application/commands/complete-translation/complete-translation.handler.js';
import { IssueCertificateCommand } from '../../application/commands/issue-certificate/issue-certificate.handler.js';
import { IssueRemarksCommand } from '../../application/commands/issue-remarks/issue-remarks.handler.js';
import { ListInRegistryCommand } from '../../application/commands/list-in-registry/list-in-registry.handler.js';
import { RecordNotificationCommand } from '../../application/commands/record-notification/record-notification.handler.js';
import { SendToCommissionCommand } from '../../application/commands/send-to-commission/send-to-commission.handler.js';
import { SignContractCommand } from '../../application/commands/sign-contract/sign-contract.handler.js';
import { RegistrationQueries } from '../../infrastructure/queries/registration.queries.js';

const tags = ['fund'];
type View = Awaited<ReturnType<RegistrationQueries['application']>>;

/** The Fund officer's side: completeness review (F-12 … F-14), sending to the Commission (F-13, F-15), notification (F-17), contract, certificate and listing (F-18, F-19), translations (F-10), the deadline board. */
@Controller()
export class FundOfficerHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RegistrationQueries) private readonly queries: RegistrationQueries,
  ) {}

  @Get('review-queue')
  @Endpoint({
    summary: 'The completeness review queue with each working-day deadline (F-12, F-14, F-20)',
    tags,
    access: ['fund-officer'],
    query: ReviewQueueQuery,
    response: ReviewQueuePageSchema,
  })
  reviewQueue(@ValidQuery() q: z.infer<typeof ReviewQueueQuery>) {
    return this.queries.reviewQueue(q);
  }

  @Get('deadlines')
  @Endpoint({
    summary:
      "The Fund's statutory deadlines (F-12 … F-20), one keyset page (limit, after=nextCursor; ADR 0047) by due moment; ?overdue=true for the overdue ones (the admin gateway's deadline board, ADR 0033). The Fund's participant-file readers see all; an applicant its own companies' (F-35). Not the authorised-body analyst (outside the Fund, ADR 0033)",
    tags,
    access: ['applicant', ...PARTICIPANT_FILE_ROLES, ...DEADLINE_READER_ROLES],
    query: DeadlinesQuery,
    response: DeadlinesPageSchema,
  })
  deadlines(@ValidQuery() q: z.infer<typeof DeadlinesQuery>, @CurrentActor() actor: Actor) {
    return this.queries.deadlines(actor, q);
  }

  @Post('applications/:id/remarks')
  @HttpCode(200)
  @Endpoint({
    summary: 'Send remarks tied to fields (F-14)',
    tags,
    access: ['fund-officer'],
    params: ApplicationIdParams,
    body: IssueRemarksBody,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async remarks(
    @ValidParams() p: z.infer<typeof ApplicationIdParams>,
    @ValidBody() body: z.infer<typeof IssueRemarksBody>,
    @CurrentActor() actor: Actor,
  ): Promise<View> {
    await this.commands.execute(new IssueRemarksCommand(p.id, body.remarks, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/send-to-commission')
  @HttpCode(200)
  @Endpoint({
    summary: 'Send a complete application to the Commission (F-13, F-15)',
    tags,
    access: ['fund-officer'],
    params: ApplicationIdParams,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async send(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor): Promise<View> {
    await this.commands.execute(new SendToCommissionCommand(p.id, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/notification')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record that the applicant was notified of the decision (F-17)',
    tags,
    access: ['fund-officer'],
    params: ApplicationIdParams,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async notify(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor): Promise<View> {
    await this.commands.execute(new RecordNotificationCommand(p.id, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/contract')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record the signing of the standard participant contract (F-18, F-24): publishes participant-registered',
    tags,
    access: ['fund-officer'],
    params: ApplicationIdParams,
    body: SignContractBody,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async contract(
    @ValidParams() p: z.infer<typeof ApplicationIdParams>,
    @ValidBody() body: z.infer<typeof SignContractBody>,
    @CurrentActor() actor: Actor,
  ): Promise<View> {
    await this.commands.execute(new SignContractCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/certificate')
  @HttpCode(200)
  @Endpoint({
    summary: 'Issue the registration certificate of Annex 2 (F-18)',
    tags,
    access: ['fund-officer'],
    params: ApplicationIdParams,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async certificate(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor): Promise<View> {
    await this.commands.execute(new IssueCertificateCommand(p.id, actor));
    return this.queries.application(p.id, actor);
  }

  @Get('applications/:id/certificate.pdf')
  @Endpoint({
    summary: 'The issued certificate (PDF, Kazakh and Russian)',
    tags,
    access: ['fund-officer', 'applicant'],
    params: ApplicationIdParams,
    produces: ['application/pdf'],
    errors: [404],
  })
  async certificatePdf(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { number, pdf } = await this.queries.certificatePdf(p.id, actor);
    res.status(200).type('application/pdf').setHeader('content-disposition', `inline; filename="${number}.pdf"`);
    res.send(pdf);
  }

  @Post('applications/:id/listing')
  @HttpCode(200)
  @Endpoint({
    summary: 'Add the participant to the public registry (F-19)',
    tags,
    access: ['fund-officer'],
    params: ApplicationIdParams,
    status: 200,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async listing(@ValidParams() p: z.infer<typeof ApplicationIdParams>, @CurrentActor() actor: Actor): Promise<View> {
    await this.commands.execute(new ListInRegistryCommand(p.id, actor));
    return this.queries.application(p.id, actor);
  }

  @Get('translation-tasks')
  @Endpoint({
    summary: 'Translation tasks of English applications (F-10)',
    tags,
    access: ['fund-officer'],
    query: z.object({ status: z.enum(['open', 'done']).optional() }),
    response: z.array(TranslationTaskSchema),
  })
  translations(@ValidQuery() q: { status?: 'open' | 'done' }) {
    return this.queries.translationTasks(q.status);
  }

  @Post('translation-tasks/:id/complete')
  @HttpCode(204)
  @Endpoint({
    summary: 'Record the Kazakh or Russian translation (F-10)',
    tags,
    access: ['fund-officer'],
    params: TranslationTaskIdParams,
    body: CompleteTranslationBody,
    status: 204,
    errors: [404, 409],
  })
  async completeTranslation(
    @ValidParams() p: z.infer<typeof TranslationTaskIdParams>,
    @ValidBody() body: z.infer<typeof CompleteTranslationBody>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.commands.execute(new CompleteTranslationCommand(p.id, body, actor));
  }
}
