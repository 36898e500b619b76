import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  type Actor,
  CLUSTER_ORGANISER_ROLES,
  DeadlinesPageQuerySchema,
  FUND_STAFF_ROLES,
  deadlinesPageOf,
  pageDeadlines,
  DEADLINE_READER_ROLES,
} from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { AnnounceRoundCommand } from '../../application/commands/announce-round.js';
import {
  ChangeApplicationCommand,
  CheckComplianceCommand,
  FileApplicationCommand,
  WithdrawApplicationCommand,
} from '../../application/commands/application-commands.js';
import {
  GiveComparativeAssessmentCommand,
  GiveOpinionCommand,
  HandOpinionsToOrganiserCommand,
  PutBeforeCommissionCommand,
  SendToInstituteCommand,
} from '../../application/commands/expert-stage-commands.js';
import { CastVoteCommand, FormCommissionCommand } from '../../application/commands/commission-commands.js';
import { PublishResultsCommand, RecordProtocolCommand } from '../../application/commands/results-commands.js';
import { SelectionQueries } from '../../application/queries/selection.queries.js';
import {
  AnnounceRoundBody,
  ApplicationListQuery,
  ApplicationViewSchema,
  ChangeApplicationBody,
  CommissionBody,
  CommissionViewSchema,
  ComparativeAssessmentBody,
  ComplianceBody,
  DeadlineViewSchema,
  ExpertOpinionBody,
  ExpertReviewViewSchema,
  HandOverBody,
  FileApplicationBody,
  IdParams,
  ProtocolBody,
  ResultsViewSchema,
  RoundViewSchema,
  RuleSetViewSchema,
  VoteBody,
} from './selection.dto.js';

const ORGANISER = CLUSTER_ORGANISER_ROLES;
const EXPERT = ['cluster-expert' as const];
const APPLICATION_READERS = ['applicant' as const, ...CLUSTER_ORGANISER_ROLES, ...EXPERT];
const COMMISSION_READERS = [...CLUSTER_ORGANISER_ROLES, 'cluster-commission-member' as const, 'cluster-commission-secretary' as const];
const EXPERT_REVIEW_READERS = [...CLUSTER_ORGANISER_ROLES, ...EXPERT, 'cluster-commission-member' as const, 'cluster-commission-secretary' as const];

/**
 * The selection of territorial clusters over HTTP (C-2 … C-12). Every route declares its access with
 * `@Endpoint`; the same list is in the gateway's route table and its EXPECTED_POLICY.
 */
@Controller()
export class SelectionHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(SelectionQueries) private readonly queries: SelectionQueries,
  ) {}

  @Get('rule-sets')
  @Endpoint({
    summary: 'The rule sets of the selection programme with their effective periods (ADR 0080)',
    tags: ['rounds'],
    access: 'public',
    response: z.array(RuleSetViewSchema),
  })
  ruleSets() {
    return this.queries.ruleSetsView();
  }

  @Post('rounds')
  @Endpoint({
    summary: 'Announce a round of selection with its application deadline, at least 60 CD ahead (C-3 … C-5)',
    tags: ['rounds'],
    access: ORGANISER,
    body: AnnounceRoundBody,
    status: 201,
    response: RoundViewSchema,
    errors: [404, 422],
  })
  async announce(@ValidBody() body: z.infer<typeof AnnounceRoundBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new AnnounceRoundCommand({ ...body, applicationDeadline: new Date(body.applicationDeadline) }, actor));
    return this.queries.round(id);
  }

  @Get('rounds')
  @Endpoint({ summary: 'Announced rounds (public, C-5)', tags: ['rounds'], access: 'public', response: z.array(RoundViewSchema) })
  rounds() {
    return this.queries.rounds();
  }

  @Get('rounds/:id')
  @Endpoint({ summary: 'One announcement (public, C-5)', tags: ['rounds'], access: 'public', params: IdParams, response: RoundViewSchema, errors: [404] })
  round(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.round(p.id);
  }

  @Post('rounds/:id/commission')
  @HttpCode(200)
  @Endpoint({
    summary: "Form the round's Commission (C-2, C-19; ADR 0083): at least 3 members; again only until the first vote",
    tags: ['commission'],
    access: ORGANISER,
    params: IdParams,
    body: CommissionBody,
    response: CommissionViewSchema,
    errors: [404, 409, 422],
  })
  async formCommission(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof CommissionBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new FormCommissionCommand(p.id, body, actor));
    return this.queries.commission(p.id);
  }

  @Get('rounds/:id/commission')
  @Endpoint({
    summary: "The round's Commission: composition, the members' votes per application and the protocol (C-19, C-20)",
    tags: ['commission'],
    access: COMMISSION_READERS,
    params: IdParams,
    response: CommissionViewSchema,
    errors: [404],
  })
  commission(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.commission(p.id);
  }

  @Post('rounds/:id/votes')
  @Endpoint({
    summary: "A member of the round's Commission votes on one application before it, once (C-19; second vote 409)",
    tags: ['commission'],
    access: ['cluster-commission-member'],
    params: IdParams,
    body: VoteBody,
    status: 201,
    response: CommissionViewSchema,
    errors: [404, 409, 422],
  })
  async vote(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof VoteBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new CastVoteCommand(p.id, body, actor));
    return this.queries.commission(p.id);
  }

  @Post('rounds/:id/protocol')
  @HttpCode(200)
  @Endpoint({
    summary:
      "The Commission's decision on the winners, as its protocol recorded by the secretary, following the members' votes (C-19, C-20); publication due within 3 WD (C-21)",
    tags: ['rounds'],
    access: ['cluster-commission-secretary'],
    params: IdParams,
    body: ProtocolBody,
    response: RoundViewSchema,
    errors: [404, 409, 422],
  })
  async protocol(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ProtocolBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new RecordProtocolCommand(p.id, body, actor));
    return this.queries.round(p.id);
  }

  @Post('rounds/:id/results')
  @HttpCode(200)
  @Endpoint({ summary: 'Publish the results (C-21)', tags: ['rounds'], access: ORGANISER, params: IdParams, response: ResultsViewSchema, errors: [404, 409] })
  async publish(@ValidParams() p: z.infer<typeof IdParams>) {
    await this.commands.execute(new PublishResultsCommand(p.id));
    return this.queries.results(p.id);
  }

  @Get('rounds/:id/results')
  @Endpoint({
    summary: 'The published results of a round (public, C-21); 404 before publication',
    tags: ['rounds'],
    access: 'public',
    params: IdParams,
    response: ResultsViewSchema,
    errors: [404],
  })
  results(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.results(p.id);
  }

  @Post('applications')
  @Endpoint({
    summary: 'File an application (Annex 1 form, Annex 2 consents, Annex 3 information, document index) before the deadline (C-6 … C-11)',
    tags: ['applications'],
    access: ['applicant'],
    body: FileApplicationBody,
    status: 201,
    response: ApplicationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async file(@ValidBody() body: z.infer<typeof FileApplicationBody>, @CurrentActor() actor: Actor) {
    const { roundId, bin, ...content } = body;
    const { id } = await this.commands.execute(new FileApplicationCommand({ roundId, bin, content }, actor));
    return this.queries.application(id, actor);
  }

  @Get('applications')
  @Endpoint({
    summary: 'Applications (a participant: its own only, C-2; the organiser: all)',
    tags: ['applications'],
    access: APPLICATION_READERS,
    query: ApplicationListQuery,
    response: z.array(ApplicationViewSchema),
  })
  applications(@ValidQuery() q: z.infer<typeof ApplicationListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.applications(actor, q);
  }

  @Get('applications/:id')
  @Endpoint({
    summary: 'One application',
    tags: ['applications'],
    access: APPLICATION_READERS,
    params: IdParams,
    response: ApplicationViewSchema,
    errors: [404],
  })
  application(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/revisions')
  @HttpCode(200)
  @Endpoint({
    summary: 'Change an application before the deadline: a new revision (C-9)',
    tags: ['applications'],
    access: ['applicant'],
    params: IdParams,
    body: ChangeApplicationBody,
    response: ApplicationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async change(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ChangeApplicationBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new ChangeApplicationCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/withdrawal')
  @HttpCode(200)
  @Endpoint({
    summary: 'Withdraw an application before the deadline (C-9)',
    tags: ['applications'],
    access: ['applicant'],
    params: IdParams,
    response: ApplicationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async withdraw(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new WithdrawApplicationCommand(p.id, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/compliance')
  @HttpCode(200)
  @Endpoint({
    summary: 'The compliance check: compliant, or returned with a written notice naming each deficiency (C-12)',
    tags: ['applications'],
    access: ORGANISER,
    params: IdParams,
    body: ComplianceBody,
    response: ApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async compliance(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ComplianceBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new CheckComplianceCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/institute-transfer')
  @HttpCode(200)
  @Endpoint({
    summary: 'Send a compliant application to the national institute, within 3 WD after the check period (C-13)',
    tags: ['expert stage'],
    access: ORGANISER,
    params: IdParams,
    body: HandOverBody,
    response: ApplicationViewSchema,
    errors: [404, 409],
  })
  async sendToInstitute(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof HandOverBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new SendToInstituteCommand(p.id, body));
    return this.queries.application(p.id, actor);
  }

  @Post('applications/:id/expert-opinion')
  @HttpCode(200)
  @Endpoint({
    summary: "The national institute's recommendatory opinion: a SWOT and a finding per Annex 4 criterion (C-14, C-15)",
    tags: ['expert stage'],
    access: EXPERT,
    params: IdParams,
    body: ExpertOpinionBody,
    response: ApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async giveOpinion(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ExpertOpinionBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new GiveOpinionCommand(p.id, body, actor));
    return this.queries.application(p.id, actor);
  }

  @Post('rounds/:id/comparative-assessment')
  @HttpCode(200)
  @Endpoint({
    summary: "The institute's comparative assessment across the round's applications; completes its analysis, due 60 CD after the deadline (C-14, C-16)",
    tags: ['expert stage'],
    access: EXPERT,
    params: IdParams,
    body: ComparativeAssessmentBody,
    response: ExpertReviewViewSchema,
    errors: [404, 409, 422],
  })
  async compare(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ComparativeAssessmentBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new GiveComparativeAssessmentCommand(p.id, body, actor));
    return this.queries.expertReview(p.id, actor);
  }

  @Post('rounds/:id/opinions-to-organiser')
  @HttpCode(200)
  @Endpoint({
    summary: 'The institute hands the opinions to the organiser, within 5 WD after the analysis period (C-17)',
    tags: ['expert stage'],
    access: EXPERT,
    params: IdParams,
    body: HandOverBody,
    response: ExpertReviewViewSchema,
    errors: [404, 409],
  })
  async toOrganiser(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof HandOverBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new HandOpinionsToOrganiserCommand(p.id, body, actor));
    return this.queries.expertReview(p.id, actor);
  }

  @Post('rounds/:id/opinions-to-commission')
  @HttpCode(200)
  @Endpoint({
    summary: 'The organiser puts the materials and the opinions before the Commission, within 3 WD of receiving them (C-18)',
    tags: ['expert stage'],
    access: ORGANISER,
    params: IdParams,
    body: HandOverBody,
    response: ExpertReviewViewSchema,
    errors: [404, 409],
  })
  async toCommission(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof HandOverBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new PutBeforeCommissionCommand(p.id, body, actor));
    return this.queries.expertReview(p.id, actor);
  }

  @Get('rounds/:id/expert-review')
  @Endpoint({
    summary: "The institute's opinions and comparison on a round (the Commission: once before it, C-18)",
    tags: ['expert stage'],
    access: EXPERT_REVIEW_READERS,
    params: IdParams,
    response: ExpertReviewViewSchema,
    errors: [404],
  })
  expertReview(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.expertReview(p.id, actor);
  }

  @Get('deadlines')
  @Endpoint({
    summary:
      'Open deadlines (ADR 0033): compliance checks (C-12), the expert stage (C-13, C-16 … C-18), results publication (C-21), with overdue; one keyset page (limit, after=nextCursor; ADR 0047)',
    tags: ['deadlines'],
    access: [...ORGANISER, ...FUND_STAFF_ROLES, ...DEADLINE_READER_ROLES],
    query: DeadlinesPageQuerySchema,
    response: deadlinesPageOf(DeadlineViewSchema),
  })
  async deadlines(@ValidQuery() q: z.infer<typeof DeadlinesPageQuerySchema>) {
    // ADR 0047: the open steps of the selection rounds (historical, C-1 … C-21) are few: paged in memory, by kind and subject.
    return pageDeadlines(await this.queries.deadlines(), q, (d) => `${d.kind}:${d.subjectId}`);
  }
}
