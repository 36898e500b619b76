import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  type Actor,
  DeadlinesPageQuerySchema,
  FUND_STAFF_ROLES,
  TRAINING_FILE_ROLES,
  deadlinesPageOf,
  pageDeadlines,
  DEADLINE_READER_ROLES,
} from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { AnnounceIntakeCommand, FileProviderApplicationCommand } from '../../application/intakes.commands.js';
import { FixRemarksCommand, IssueRemarksCommand, ReviewCompletenessCommand } from '../../application/review.commands.js';
import { IntakesQueries } from '../../infrastructure/intakes.queries.js';
import {
  AnnounceIntakeBody,
  CompletenessReviewBody,
  CompletenessReviewViewSchema,
  FileProviderApplicationBody,
  FixRemarksBody,
  NoticeViewSchema,
  RemarksBody,
  IdParams,
  IntakeViewSchema,
  ProviderApplicationListQuery,
  ProviderApplicationViewSchema,
  TrainingDeadlineViewSchema,
} from './intakes.dto.js';

/** Everyone signed in may read an announced intake: it is public (F-64, media and internet resource). */
const EVERYONE = ['applicant', ...FUND_STAFF_ROLES] as const;
/**
 * Applications: the company itself (F-35) and the Fund's staff — except the Commission's members,
 * who see them only through the Commission's routes after their declaration (F-69).
 */
const APPLICATION_READERS = ['applicant', ...TRAINING_FILE_ROLES] as const;

/**
 * Intakes and provider applications over HTTP. Every route declares its access with `@Endpoint`;
 * the same list is in the gateway's route table (training section) and EXPECTED_POLICY.
 */
@Controller()
export class IntakesHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(IntakesQueries) private readonly queries: IntakesQueries,
  ) {}

  @Post('intakes')
  @Endpoint({
    summary: 'Announce an intake with its window, selection criteria and intake order (F-64, F-77)',
    tags: ['intakes'],
    access: ['training-officer'],
    body: AnnounceIntakeBody,
    status: 201,
    response: IntakeViewSchema,
    errors: [422],
  })
  async announce(@ValidBody() body: z.infer<typeof AnnounceIntakeBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new AnnounceIntakeCommand(body, actor));
    return this.queries.intake(id);
  }

  @Get('intakes')
  @Endpoint({ summary: 'Announced intakes (F-64)', tags: ['intakes'], access: [...EVERYONE], response: z.array(IntakeViewSchema) })
  intakes() {
    return this.queries.intakes();
  }

  @Get('intakes/:id')
  @Endpoint({ summary: 'One intake', tags: ['intakes'], access: [...EVERYONE], params: IdParams, response: IntakeViewSchema, errors: [404] })
  intake(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.intake(p.id);
  }

  @Post('provider-applications')
  @Endpoint({
    summary: 'File a provider application for a company the caller represents (F-64 window, F-65 … F-67, F-77 participant)',
    tags: ['provider-applications'],
    access: ['applicant'],
    body: FileProviderApplicationBody,
    status: 201,
    response: ProviderApplicationViewSchema,
    errors: [403, 404, 422],
  })
  async file(@ValidBody() body: z.infer<typeof FileProviderApplicationBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new FileProviderApplicationCommand(body, actor));
    return this.queries.application(id, actor);
  }

  @Get('provider-applications')
  @Endpoint({
    summary: "Provider applications (a representative: its own companies' only, F-35)",
    tags: ['provider-applications'],
    access: [...APPLICATION_READERS],
    query: ProviderApplicationListQuery,
    response: z.array(ProviderApplicationViewSchema),
  })
  applications(@ValidQuery() q: z.infer<typeof ProviderApplicationListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.applications(actor, q);
  }

  @Get('provider-applications/:id')
  @Endpoint({
    summary: 'One provider application (F-35)',
    tags: ['provider-applications'],
    access: [...APPLICATION_READERS],
    params: IdParams,
    response: ProviderApplicationViewSchema,
    errors: [404],
  })
  application(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.application(p.id, actor);
  }

  @Post('provider-applications/:id/completeness-review')
  @Endpoint({
    summary:
      'F-68: review completeness against the eight refusal grounds; registers (1), (4), (5) through their adapters or the officer’s recorded check with evidence; every outcome stored with its source and date',
    tags: ['provider-applications'],
    access: ['training-officer'],
    params: IdParams,
    body: CompletenessReviewBody,
    status: 201,
    response: CompletenessReviewViewSchema,
    errors: [404, 409, 422],
  })
  async review(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof CompletenessReviewBody>, @CurrentActor() actor: Actor) {
    const { reviewId } = await this.commands.execute(new ReviewCompletenessCommand(p.id, body, actor));
    const reviews = await this.queries.reviews(p.id);
    return reviews.find((r) => r.id === reviewId);
  }

  @Get('provider-applications/:id/completeness-reviews')
  @Endpoint({
    summary: 'F-68: the completeness reviews of an application with every ground’s outcome, source and date',
    tags: ['provider-applications'],
    access: [...TRAINING_FILE_ROLES],
    params: IdParams,
    response: z.array(CompletenessReviewViewSchema),
    errors: [404],
  })
  reviews(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.reviews(p.id);
  }

  @Post('provider-applications/:id/remarks')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-70: remarks on an incomplete application, within 10 working days of filing; the applicant has 10 working days to fix them (F-71)',
    tags: ['provider-applications'],
    access: ['training-officer'],
    params: IdParams,
    body: RemarksBody,
    status: 200,
    response: ProviderApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async remarks(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof RemarksBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new IssueRemarksCommand(p.id, body.items, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('provider-applications/:id/remarks/fix')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-71: the applicant fixes the remarks (new syllabi and attachments) within 10 working days of receipt',
    tags: ['provider-applications'],
    access: ['applicant'],
    params: IdParams,
    body: FixRemarksBody,
    status: 200,
    response: ProviderApplicationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async fixRemarks(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof FixRemarksBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new FixRemarksCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }

  @Get('provider-applications/:id/notices')
  @Endpoint({
    summary: 'Notices sent about an application: lapse (F-71), decision (F-74)',
    tags: ['provider-applications'],
    access: [...APPLICATION_READERS],
    params: IdParams,
    response: z.array(NoticeViewSchema),
    errors: [404],
  })
  notices(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.notices(p.id, actor);
  }

  @Get('deadlines')
  @Endpoint({
    summary:
      'Open deadlines (ADR 0033): completeness review and remarks (F-68, F-70), fixing remarks (F-71), with overdue; one keyset page (limit, after=nextCursor; ADR 0047)',
    tags: ['deadlines'],
    access: [...FUND_STAFF_ROLES, ...DEADLINE_READER_ROLES],
    query: DeadlinesPageQuerySchema,
    response: deadlinesPageOf(TrainingDeadlineViewSchema),
  })
  async deadlines(@ValidQuery() q: z.infer<typeof DeadlinesPageQuerySchema>) {
    // ADR 0047: an application has at most two open deadlines (F-74, F-75): paged in memory, by kind and subject.
    return pageDeadlines(await this.queries.deadlines(), q, (d) => `${d.kind}:${d.subjectId}`);
  }
}
