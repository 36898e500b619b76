import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { type Actor, FUND_STAFF_ROLES, type Role, hasAnyRole } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import {
  AllocatePremisesCommand,
  HandBackPremisesCommand,
  ReleasePremisesCommand,
  RequestPremisesCommand,
} from '../../application/commands/premises.commands.js';
import { PremisesLeaseReadModel } from '../../application/ports/premises.repository.js';
import {
  AllocatePremisesBody,
  HandBackBody,
  IdParams,
  LeaseListQuery,
  LeaseViewSchema,
  PremisesScanSchema,
  ReleasePremisesBody,
  RequestPremisesBody,
} from './premises.dto.js';

const tags = ['premises'];
const COMPANY_AND_STAFF: readonly Role[] = ['applicant', ...FUND_STAFF_ROLES];

/** Premises for participants (F-57, F-58). A representative sees its own companies' leases only (F-35). */
@Controller('premises-leases')
export class PremisesHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PremisesLeaseReadModel) private readonly reads: PremisesLeaseReadModel,
  ) {}

  private async view(id: string, actor: Actor) {
    const v = await this.reads.find(id);
    if (!v || (!hasAnyRole(actor, FUND_STAFF_ROLES) && !actor.companies.includes(v.bin))) throw new NotFoundError('premises lease', id);
    return v;
  }

  @Post()
  @Endpoint({
    summary: 'A participant asks for premises (F-57), temporarily (F-58); one open request per company (409 premises-request-open, ADR 0053)',
    tags,
    access: ['applicant'],
    body: RequestPremisesBody,
    status: 201,
    response: LeaseViewSchema,
    errors: [403, 409, 422],
  })
  async request(@ValidBody() body: z.infer<typeof RequestPremisesBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.commands.execute(new RequestPremisesCommand(body, actor));
    return this.view(id, actor);
  }

  @Get()
  @Endpoint({
    summary: 'Premises leases (a representative: its own companies, F-35)',
    tags,
    access: COMPANY_AND_STAFF,
    query: LeaseListQuery,
    response: z.array(LeaseViewSchema),
  })
  list(@ValidQuery() q: z.infer<typeof LeaseListQuery>, @CurrentActor() actor: Actor) {
    const staff = hasAnyRole(actor, FUND_STAFF_ROLES);
    const bins = staff ? (q.bin ? [q.bin] : undefined) : actor.companies.filter((b) => !q.bin || b === q.bin);
    return this.reads.list(bins ? { bins } : {});
  }

  @Get(':id/scans')
  @Endpoint({
    summary:
      "The scans of the lease's hand-back act housing knows of (ADR 0124): the company's verified handover-act documents attached to the lease, named by its act, or not yet attached — ids to download through documents (F-35: the company and the housing manager)",
    tags,
    access: COMPANY_AND_STAFF,
    params: IdParams,
    response: z.array(PremisesScanSchema),
    errors: [404],
  })
  async scans(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.reads.scans(await this.view(p.id, actor));
  }

  @Post(':id/allocate')
  @HttpCode(200)
  @Endpoint({
    summary: 'Allocate premises to the request (409 when let for an overlapping period)',
    tags,
    access: ['housing-manager'],
    params: IdParams,
    body: AllocatePremisesBody,
    response: LeaseViewSchema,
    errors: [404, 409],
  })
  async allocate(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof AllocatePremisesBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new AllocatePremisesCommand(p.id, body.unitId));
    return this.view(p.id, actor);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Endpoint({
    summary: 'Release premises on request (F-58)',
    tags,
    access: ['applicant', 'housing-manager'],
    params: IdParams,
    body: ReleasePremisesBody,
    response: LeaseViewSchema,
    errors: [403, 404],
  })
  async release(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ReleasePremisesBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new ReleasePremisesCommand(p.id, body.from, actor));
    return this.view(p.id, actor);
  }

  @Post(':id/handover')
  @HttpCode(200)
  @Endpoint({
    summary: 'The act handing premises back (condition, inventory, meters, damages)',
    tags,
    access: ['housing-manager'],
    params: IdParams,
    body: HandBackBody,
    response: LeaseViewSchema,
    errors: [404, 409, 422],
  })
  async handOver(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof HandBackBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new HandBackPremisesCommand(p.id, body, actor));
    return this.view(p.id, actor);
  }
}
