import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { type Actor, DeadlinesPageQuerySchema, FUND_STAFF_ROLES, type Role, deadlinesPageOf, pageDeadlines, DEADLINE_READER_ROLES } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import {
  AcceptOfferCommand,
  CheckInCommand,
  DeclineOfferCommand,
  HandOverCommand,
  OfferNextCommand,
  OfferPlaceCommand,
  ReadResidentDataCommand,
  RequestHousingCommand,
} from '../../application/commands/acceleration.commands.js';
import { AccelerationQueries } from '../../application/queries/acceleration.queries.js';
import {
  AcceptOfferBody,
  AllocationListQuery,
  AllocationViewSchema,
  CaseListQuery,
  CaseViewSchema,
  CheckInBody,
  DeadlineViewSchema,
  HandOverBody,
  IdParams,
  OfferNextBody,
  OfferPlaceBody,
  PiiAccessLogSchema,
  RequestHousingBody,
  ResidentDataSchema,
  WaitlistQuery,
  WaitlistViewSchema,
} from './acceleration.dto.js';

const MANAGER = ['housing-manager'] as const;
const PERSON_AND_STAFF: readonly Role[] = ['applicant', ...FUND_STAFF_ROLES];

/**
 * Housing for people in acceleration (F-59 … F-62). A person is an `applicant` token acting for
 * themselves (their subject); the housing manager runs offers and acts. Every route is also in the
 * gateway's route table (apps/admin-gateway/src/access/route-table.ts).
 */
@Controller()
export class AccelerationHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AccelerationQueries) private readonly queries: AccelerationQueries,
  ) {}

  @Post('housing-requests')
  @Endpoint({
    summary: 'A person in acceleration asks for housing in the programme’s town (F-59: enrolled, and declares no housing there)',
    tags: ['housing-requests'],
    access: ['applicant'],
    body: RequestHousingBody,
    status: 201,
    response: CaseViewSchema,
    errors: [409, 422],
  })
  async request(@ValidBody() body: z.infer<typeof RequestHousingBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new RequestHousingCommand(body, actor));
    return this.queries.case(id, actor);
  }

  @Get('housing-requests')
  @Endpoint({
    summary: 'Housing requests (a person: their own)',
    tags: ['housing-requests'],
    access: PERSON_AND_STAFF,
    query: CaseListQuery,
    response: z.array(CaseViewSchema),
  })
  cases(@ValidQuery() q: z.infer<typeof CaseListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.cases(actor, q);
  }

  @Get('housing-requests/:id')
  @Endpoint({ summary: 'One housing request', tags: ['housing-requests'], access: PERSON_AND_STAFF, params: IdParams, response: CaseViewSchema, errors: [404] })
  case(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.case(p.id, actor);
  }

  @Get('housing-requests/:id/personal-data')
  @Endpoint({
    summary: 'The resident’s IIN and contacts (F-42: housing staff and the person only; every read logged)',
    tags: ['housing-requests'],
    access: ['applicant', ...MANAGER],
    params: IdParams,
    response: ResidentDataSchema,
    errors: [403, 404],
  })
  personalData(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.commands.execute(new ReadResidentDataCommand(p.id, actor));
  }

  @Get('waitlist')
  @Endpoint({
    summary: 'The town’s waitlist in its published order (F-62, ADR 0056): positions and dates, no personal data',
    tags: ['waitlist'],
    access: PERSON_AND_STAFF,
    query: WaitlistQuery,
    response: z.array(WaitlistViewSchema),
  })
  waitlist(@ValidQuery() q: z.infer<typeof WaitlistQuery>) {
    return this.queries.waitlist(q.townKatoCode);
  }

  @Post('waitlist/offer-next')
  @HttpCode(200)
  @Endpoint({
    summary: 'Offer the town’s free beds to the next eligible people (F-62)',
    tags: ['waitlist'],
    access: [...MANAGER],
    body: OfferNextBody,
    response: z.object({ offers: z.array(z.uuid()) }),
  })
  offerNext(@ValidBody() body: z.infer<typeof OfferNextBody>) {
    return this.commands.execute(new OfferNextCommand(body.townKatoCode));
  }

  @Post('allocations')
  @Endpoint({
    summary: 'Offer a given bed to a waiting person (no double booking: 409 when the bed is taken)',
    tags: ['allocations'],
    access: [...MANAGER],
    body: OfferPlaceBody,
    status: 201,
    response: AllocationViewSchema,
    errors: [404, 409, 422],
  })
  async offerPlace(@ValidBody() body: z.infer<typeof OfferPlaceBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new OfferPlaceCommand(body));
    return this.queries.allocation(id, actor);
  }

  @Get('allocations')
  @Endpoint({
    summary: 'Offers and allocations (a person: their own)',
    tags: ['allocations'],
    access: PERSON_AND_STAFF,
    query: AllocationListQuery,
    response: z.array(AllocationViewSchema),
  })
  allocations(@ValidQuery() q: z.infer<typeof AllocationListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.allocations(actor, q);
  }

  @Get('allocations/:id')
  @Endpoint({
    summary: 'One offer or allocation',
    tags: ['allocations'],
    access: PERSON_AND_STAFF,
    params: IdParams,
    response: AllocationViewSchema,
    errors: [404],
  })
  allocation(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.allocation(p.id, actor);
  }

  @Post('allocations/:id/accept')
  @HttpCode(200)
  @Endpoint({
    summary: 'The person accepts the offer by its deadline: the housing contract (F-60)',
    tags: ['allocations'],
    access: ['applicant'],
    params: IdParams,
    body: AcceptOfferBody,
    response: AllocationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async accept(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof AcceptOfferBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new AcceptOfferCommand(p.id, body.acceptsDuties, actor));
    return this.queries.allocation(p.id, actor);
  }

  @Post('allocations/:id/decline')
  @HttpCode(200)
  @Endpoint({
    summary: 'The person declines the offer; the bed goes to the next person (F-62)',
    tags: ['allocations'],
    access: ['applicant'],
    params: IdParams,
    response: AllocationViewSchema,
    errors: [403, 404, 409],
  })
  async decline(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new DeclineOfferCommand(p.id, actor));
    return this.queries.allocation(p.id, actor);
  }

  @Post('allocations/:id/check-in')
  @HttpCode(200)
  @Endpoint({
    summary: 'The check-in act: condition, inventory, meter readings (F-60)',
    tags: ['allocations'],
    access: [...MANAGER],
    params: IdParams,
    body: CheckInBody,
    response: AllocationViewSchema,
    errors: [404, 409],
  })
  async checkIn(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof CheckInBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new CheckInCommand(p.id, body, actor));
    return this.queries.allocation(p.id, actor);
  }

  @Post('allocations/:id/handover')
  @HttpCode(200)
  @Endpoint({
    summary: 'The acceptance-transfer act on vacating: condition, inventory checked, meter readings, damages (F-61); the bed goes to the next person (F-62)',
    tags: ['allocations'],
    access: [...MANAGER],
    params: IdParams,
    body: HandOverBody,
    response: AllocationViewSchema,
    errors: [404, 409],
  })
  async handOver(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof HandOverBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new HandOverCommand(p.id, body, actor));
    return this.queries.allocation(p.id, actor);
  }

  @Get('deadlines')
  @Endpoint({
    summary:
      'Open deadlines (ADR 0033): offer acceptance (F-62), vacating (F-61) and handing premises back (F-58, ADR 0053), with overdue; one keyset page (limit, after=nextCursor; ADR 0047)',
    tags: ['deadlines'],
    access: [...FUND_STAFF_ROLES, ...DEADLINE_READER_ROLES],
    query: DeadlinesPageQuerySchema,
    response: deadlinesPageOf(DeadlineViewSchema),
  })
  async deadlines(@ValidQuery() q: z.infer<typeof DeadlinesPageQuerySchema>) {
    // ADR 0047: at most one open deadline per bed (offered or vacating) or per premises lease: paged in memory.
    return pageDeadlines(await this.queries.deadlines(), q, (d) => d.subjectId);
  }

  @Get('pii-access-log')
  @Endpoint({
    summary: 'Reads of residents’ personal data (F-42)',
    tags: ['housing-requests'],
    access: [...MANAGER, 'auditor'],
    response: z.array(PiiAccessLogSchema),
  })
  piiAccessLog() {
    return this.queries.piiAccessLog();
  }
}
