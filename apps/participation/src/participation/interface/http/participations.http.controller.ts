import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { z } from 'zod';
import {
  CommissionDecisionBody,
  DecideExtensionBody,
  EarlyTerminationDto,
  ExtensionDto,
  FileExtensionBody,
  IdParams,
  OpenEarlyTerminationBody,
  ParticipationDto,
  ParticipationListQuery,
  pageOf,
  type Actor,
} from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { DecideEarlyTerminationCommand } from '../../application/commands/decide-early-termination/decide-early-termination.command.js';
import { OpenEarlyTerminationCommand } from '../../application/commands/open-early-termination/open-early-termination.command.js';
import { DecideExtensionCommand } from '../../application/commands/decide-extension/decide-extension.command.js';
import { FileExtensionCommand } from '../../application/commands/file-extension/file-extension.command.js';
import { ParticipationQueries } from '../../application/queries/participation.queries.js';
import type { EarlyTermination } from '../../domain/early-termination.aggregate.js';
import type { Extension } from '../../domain/extension.aggregate.js';
import { PARTICIPANT_FILE_READERS } from '../../../shared/application/access.js';

const ExtensionParams = z.object({ id: z.uuid(), extensionId: z.uuid() });
const CaseParams = z.object({ caseId: z.uuid() });
// issue #11: `participationId` narrows to one participation's cases (the staff console's participant page)
const CaseQuery = z.object({ status: EarlyTerminationDto.shape.status.optional(), participationId: z.uuid().optional() });

const extensionDto = (e: Extension): z.infer<typeof ExtensionDto> => ({
  id: e.id,
  participationId: e.participationId,
  filedOn: e.filedOn,
  currentTermEnd: e.currentTermEnd,
  requestedTermEnd: e.requestedTermEnd,
  status: e.status,
  decidedOn: e.decidedOn,
  reason: e.reason,
  certificateNumber: e.certificateNumber,
});

export const caseDto = (c: EarlyTermination): z.infer<typeof EarlyTerminationDto> => ({
  id: c.id,
  participationId: c.participationId,
  bin: c.bin,
  ground: c.ground,
  groundNumber: c.groundNumber,
  reason: c.reason,
  status: c.status,
  openedOn: c.openedOn,
  effectiveDate: c.effectiveDate,
  protocolNumber: c.protocolNumber,
});

/** Term, extension (F-24, F-25) and early termination (F-28 … F-30). */
@Controller()
export class ParticipationsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ParticipationQueries) private readonly queries: ParticipationQueries,
  ) {}

  @Get('participations')
  @Endpoint({
    summary: 'List participations (staff: all; applicant: own companies)',
    access: PARTICIPANT_FILE_READERS,
    query: ParticipationListQuery,
    response: pageOf(ParticipationDto),
  })
  list(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof ParticipationListQuery>) {
    return this.queries.list(actor, q);
  }

  @Get('participations/:id')
  @Endpoint({
    summary: 'One participation: term, extension deadline (F-25), status',
    access: PARTICIPANT_FILE_READERS,
    params: IdParams,
    response: ParticipationDto,
    errors: [404],
  })
  get(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>) {
    return this.queries.get(actor, p.id);
  }

  @Post('participations/:id/extensions')
  @Endpoint({
    summary: 'F-25: apply to extend the term (no later than 10 WD before it ends)',
    access: ['applicant', 'fund-officer'],
    params: IdParams,
    body: FileExtensionBody,
    response: ExtensionDto,
    errors: [404, 409],
  })
  async fileExtension(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>, @ValidBody() b: z.infer<typeof FileExtensionBody>) {
    return extensionDto(await this.commands.execute(new FileExtensionCommand(actor, p.id, b.requestedTermEnd)));
  }

  @Get('participations/:id/extensions')
  @Endpoint({
    summary: 'F-25: extension applications of a participation',
    access: PARTICIPANT_FILE_READERS,
    params: IdParams,
    response: z.array(ExtensionDto),
    // F-35, ADR 0141: an unknown id and another company's participation both answer 404
    errors: [404],
  })
  async extensions(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>) {
    return (await this.queries.extensions(actor, p.id)).map(extensionDto);
  }

  @Post('participations/:id/extensions/:extensionId/decision')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-25: the Fund approves (Annex 3 certificate, the end moves) or rejects an extension',
    access: ['fund-officer'],
    params: ExtensionParams,
    body: DecideExtensionBody,
    response: ExtensionDto,
    status: 200,
    errors: [404, 409],
  })
  async decideExtension(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof ExtensionParams>, @ValidBody() b: z.infer<typeof DecideExtensionBody>) {
    return extensionDto(await this.commands.execute(new DecideExtensionCommand(actor, p.id, p.extensionId, b.decision, b.reason)));
  }

  @Get('participations/:id/extensions/:extensionId/certificate.pdf')
  @Endpoint({
    summary: 'F-25, Annex 3: the extension certificate',
    access: PARTICIPANT_FILE_READERS,
    params: ExtensionParams,
    produces: ['application/pdf'],
    errors: [404],
  })
  async certificate(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof ExtensionParams>, @Res() res: Response): Promise<void> {
    const { fileName, pdf, sha256 } = await this.queries.extensionCertificate(actor, p.id, p.extensionId);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('content-disposition', `attachment; filename="${fileName}"`)
      .setHeader('etag', `"sha256-${sha256}"`)
      .setHeader('digest', `sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`)
      .send(pdf);
  }

  @Post('participations/:id/early-terminations')
  @Endpoint({
    summary: 'F-28 … F-30: open early termination on one of the seven grounds (a participant may only withdraw, with 10 WD notice)',
    access: ['applicant', 'fund-officer'],
    params: IdParams,
    body: OpenEarlyTerminationBody,
    response: EarlyTerminationDto,
    errors: [404, 409],
  })
  async openEarlyTermination(
    @CurrentActor() actor: Actor,
    @ValidParams() p: z.infer<typeof IdParams>,
    @ValidBody() b: z.infer<typeof OpenEarlyTerminationBody>,
  ) {
    return caseDto(await this.commands.execute(new OpenEarlyTerminationCommand(actor, p.id, b)));
  }

  @Get('early-terminations')
  @Endpoint({
    summary: 'F-28 … F-30: early-termination cases (status=pending-commission for the Commission; participationId for one participation)',
    access: PARTICIPANT_FILE_READERS,
    query: CaseQuery,
    response: z.array(EarlyTerminationDto),
  })
  async cases(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof CaseQuery>) {
    return (await this.queries.earlyTerminations(actor, q)).map(caseDto);
  }

  @Post('early-terminations/:caseId/commission-decision')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-30: the Commission decides grounds (1), (2), (7)',
    access: ['commission-secretary'],
    params: CaseParams,
    body: CommissionDecisionBody,
    response: EarlyTerminationDto,
    status: 200,
    errors: [404, 409],
  })
  async decide(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof CaseParams>, @ValidBody() b: z.infer<typeof CommissionDecisionBody>) {
    return caseDto(await this.commands.execute(new DecideEarlyTerminationCommand(actor, p.caseId, b)));
  }
}
