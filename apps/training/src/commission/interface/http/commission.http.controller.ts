import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { z } from 'zod';
import { type Actor, FUND_STAFF_ROLES } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { IntakesQueries } from '../../../intakes/infrastructure/intakes.queries.js';
import { ProviderApplicationViewSchema } from '../../../intakes/interface/http/intakes.dto.js';
import {
  AppointCommissionMemberCommand,
  CastVoteCommand,
  DecideIntakeCommand,
  DeclareConflictsCommand,
  SchedulePresentationCommand,
} from '../../application/commission.commands.js';
import { SendDecisionNoticeCommand, SignContractCommand } from '../../application/decision-follow-up.commands.js';
import { CommissionQueries } from '../../infrastructure/commission.queries.js';
import {
  AppointMemberBody,
  ContractBody,
  DecisionBody,
  DeclarationBody,
  IdParams,
  MemberViewSchema,
  PresentationBody,
  ProtocolViewSchema,
  QuotaCalculationViewSchema,
  ScheduleViewSchema,
  VoteBody,
  VoteViewSchema,
} from './commission.dto.js';

/** The calculation is transparent (F-73): the applicants and the Fund's staff may download it. */
const EVERYONE = ['applicant', ...FUND_STAFF_ROLES] as const;

/**
 * The Independent Commission of an intake (F-69, F-72), the quota mechanism (F-73), the notice (F-74)
 * and the contract (F-75). Every route declares its access with `@Endpoint`; the same list is in the
 * gateway's route table (training section) and EXPECTED_POLICY.
 */
@Controller()
export class CommissionHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CommissionQueries) private readonly queries: CommissionQueries,
    @Inject(IntakesQueries) private readonly applications: IntakesQueries,
  ) {}

  @Post('intakes/:id/commission/members')
  @Endpoint({
    summary: 'F-69: appoint a member of the intake’s Independent Commission (the Fund, a state body, an ICT or education specialist, an international expert)',
    tags: ['commission'],
    access: ['training-officer'],
    params: IdParams,
    body: AppointMemberBody,
    status: 201,
    response: MemberViewSchema,
    errors: [404, 409],
  })
  async appoint(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof AppointMemberBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new AppointCommissionMemberCommand(p.id, body, actor));
    return this.queries.member(p.id, body.subject);
  }

  @Get('intakes/:id/commission')
  @Endpoint({
    summary: 'F-69: the composition of the intake’s Independent Commission with each member’s declaration',
    tags: ['commission'],
    access: [...FUND_STAFF_ROLES],
    params: IdParams,
    response: z.array(MemberViewSchema),
    errors: [404],
  })
  members(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.members(p.id);
  }

  @Post('intakes/:id/commission/declaration')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-69: a member declares conflicts of interest (once), before seeing any application',
    tags: ['commission'],
    access: ['commission-member'],
    params: IdParams,
    body: DeclarationBody,
    status: 200,
    response: MemberViewSchema,
    errors: [404, 409, 422],
  })
  async declare(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof DeclarationBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new DeclareConflictsCommand(p.id, body, actor));
    return this.queries.member(p.id, actor.subject);
  }

  @Get('intakes/:id/commission/applications')
  @Endpoint({
    summary: 'F-69: the applications before the Commission, for a member who has declared (409 before), without those they are conflicted with',
    tags: ['commission'],
    access: ['commission-member'],
    params: IdParams,
    response: z.array(ProviderApplicationViewSchema),
    errors: [403, 404, 409],
  })
  memberApplications(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.applicationsForMember(p.id, actor);
  }

  @Get('intakes/:id/commission/schedule')
  @Endpoint({
    summary: 'F-72: the Commission’s presentation schedule of the intake, in order (a Commission member: after the declaration, without conflicted applicants)',
    tags: ['commission'],
    access: [...FUND_STAFF_ROLES],
    params: IdParams,
    response: ScheduleViewSchema,
    errors: [403, 404, 409],
  })
  schedule(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.schedule(p.id, actor);
  }

  @Post('provider-applications/:id/presentation')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-72: schedule the applicant’s presentation to the Commission',
    tags: ['commission'],
    access: ['commission-secretary'],
    params: IdParams,
    body: PresentationBody,
    status: 200,
    response: ProviderApplicationViewSchema,
    errors: [404, 409],
  })
  async presentation(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof PresentationBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new SchedulePresentationCommand(p.id, new Date(body.at), body.minutes));
    return this.applications.application(p.id, actor);
  }

  @Post('provider-applications/:id/votes')
  @Endpoint({
    summary: 'F-72: a member’s vote (admit/refuse, score 0 … 100, reason) — after their declaration, never on a conflicted applicant, once',
    tags: ['commission'],
    access: ['commission-member'],
    params: IdParams,
    body: VoteBody,
    status: 201,
    response: VoteViewSchema,
    errors: [403, 404, 409],
  })
  vote(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof VoteBody>, @CurrentActor() actor: Actor) {
    return this.commands.execute(new CastVoteCommand(p.id, body, actor));
  }

  @Post('intakes/:id/commission/decision')
  @Endpoint({
    summary:
      'F-72 … F-75, F-77: record the Commission’s decision — each outcome follows the votes, eligibility re-checked, quotas by the F-73 formula over the budget; returns the protocol',
    tags: ['commission'],
    access: ['commission-secretary'],
    params: IdParams,
    body: DecisionBody,
    status: 201,
    response: ProtocolViewSchema,
    errors: [404, 409, 422],
  })
  async decide(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof DecisionBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new DecideIntakeCommand(p.id, body, actor));
    return this.queries.protocol(p.id);
  }

  @Get('intakes/:id/commission/protocol')
  @Endpoint({
    summary: 'F-72: the protocol — members, declarations, every vote, every outcome with quotas or reasons',
    tags: ['commission'],
    access: [...FUND_STAFF_ROLES],
    params: IdParams,
    response: ProtocolViewSchema,
    errors: [404],
  })
  protocol(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.protocol(p.id);
  }

  @Get('intakes/:id/quota-calculation')
  @Endpoint({
    summary: 'F-73: the quota calculation with its formula version and snapshotted inputs (re-runnable), as JSON',
    tags: ['commission'],
    access: [...EVERYONE],
    params: IdParams,
    response: QuotaCalculationViewSchema,
    errors: [404],
  })
  calculation(@ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.calculation(p.id);
  }

  @Get('intakes/:id/quota-calculation.csv')
  @Endpoint({
    summary: 'F-73: the quota calculation as a downloadable CSV report',
    tags: ['commission'],
    access: [...EVERYONE],
    params: IdParams,
    produces: ['text/csv'],
    errors: [404],
  })
  async calculationCsv(@ValidParams() p: z.infer<typeof IdParams>, @Res() res: Response): Promise<void> {
    const csv = await this.queries.calculationCsv(p.id);
    res.status(200).type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="training-quotas-${p.id}.csv"`).send(csv);
  }

  @Post('provider-applications/:id/decision-notice')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-74: send the applicant the decision (admission with quotas or the reasoned refusal), due within 5 working days',
    tags: ['commission'],
    access: ['training-officer'],
    params: IdParams,
    status: 200,
    response: ProviderApplicationViewSchema,
    errors: [404, 409],
  })
  async notice(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new SendDecisionNoticeCommand(p.id, actor));
    return this.applications.application(p.id, actor);
  }

  @Post('provider-applications/:id/contract')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-75: record the signed training-participation contract, due within 10 working days of the positive decision',
    tags: ['commission'],
    access: ['training-officer'],
    params: IdParams,
    body: ContractBody,
    status: 200,
    response: ProviderApplicationViewSchema,
    errors: [404, 409],
  })
  async contract(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ContractBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new SignContractCommand(p.id, body));
    return this.applications.application(p.id, actor);
  }
}
