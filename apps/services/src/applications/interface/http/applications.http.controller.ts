import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import {
  DecideApplicationCommand,
  FileApplicationCommand,
  IssueRemarksCommand,
  ResubmitApplicationCommand,
  RecordTranslationCommand,
  SignContractCommand,
} from '../../application/commands/application.commands.js';
import { APPLICATION_READER_ROLES } from '../../application/access.js';
import { ApplicationsQueries } from '../../application/queries/applications.queries.js';
import {
  ApplicationViewSchema,
  DecisionBody,
  SignContractBody,
  FileApplicationBody,
  IdParams,
  ListQuery,
  RemarksBody,
  ResubmitBody,
  TranslationBody,
} from './applications.dto.js';

const tags = ['service-applications'];
const READERS = ['applicant', ...APPLICATION_READER_ROLES] as const;

/** Service applications (F-47 … F-56). The same routes and access are in the gateway's route table. */
@Controller('service-applications')
export class ApplicationsHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ApplicationsQueries) private readonly queries: ApplicationsQueries,
  ) {}

  @Post()
  @Endpoint({
    summary: 'File a service application inside the call’s intake (F-47 … F-50)',
    tags,
    access: ['applicant'],
    body: FileApplicationBody,
    status: 201,
    response: ApplicationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async file(@ValidBody() body: z.infer<typeof FileApplicationBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new FileApplicationCommand(body, actor));
    return this.queries.get(id, actor);
  }

  @Get()
  @Endpoint({
    summary: 'Service applications (an applicant: its own only)',
    tags,
    access: [...READERS],
    query: ListQuery,
    response: z.array(ApplicationViewSchema),
  })
  list(@ValidQuery() q: z.infer<typeof ListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.list(actor, q);
  }

  @Get(':id')
  @Endpoint({ summary: 'One service application', tags, access: [...READERS], params: IdParams, response: ApplicationViewSchema, errors: [404] })
  get(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.queries.get(p.id, actor);
  }

  @Post(':id/remarks')
  @HttpCode(200)
  @Endpoint({
    summary: 'Send remarks on F-48 fields (F-52)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: RemarksBody,
    response: ApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async remarks(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof RemarksBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new IssueRemarksCommand(p.id, body.remarks));
    return this.queries.get(p.id, actor);
  }

  @Post(':id/resubmission')
  @HttpCode(200)
  @Endpoint({
    summary: 'Answer the remarks with corrected content (F-52)',
    tags,
    access: ['applicant'],
    params: IdParams,
    body: ResubmitBody,
    response: ApplicationViewSchema,
    errors: [403, 404, 409, 422],
  })
  async resubmit(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ResubmitBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new ResubmitApplicationCommand(p.id, body.content, actor));
    return this.queries.get(p.id, actor);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Endpoint({
    summary: 'Decide: conclude a contract, or refuse on an F-53 ground (F-51, F-53, F-54)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: DecisionBody,
    response: ApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async decide(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof DecisionBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new DecideApplicationCommand(p.id, body));
    return this.queries.get(p.id, actor);
  }

  @Post(':id/contract')
  @HttpCode(200)
  @Endpoint({
    summary: 'Sign the contract at the price fixed today (F-55, F-56)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: SignContractBody,
    response: ApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async sign(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof SignContractBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new SignContractCommand(p.id, body?.payerName));
    return this.queries.get(p.id, actor);
  }

  @Post(':id/translation')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record the Kazakh or Russian translation of an application filed in English (F-49, as F-10)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: TranslationBody,
    response: ApplicationViewSchema,
    errors: [404, 409, 422],
  })
  async translate(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof TranslationBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new RecordTranslationCommand(p.id, body, actor));
    return this.queries.get(p.id, actor);
  }
}
