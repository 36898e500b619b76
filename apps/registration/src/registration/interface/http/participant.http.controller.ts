import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { z } from 'zod';
import { type Actor, AddressChangeBody, ParticipantBinParams, PARTICIPANT_FILE_ROLES, ParticipantViewSchema } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { ReportAddressChangeCommand } from '../../application/commands/report-address-change/report-address-change.handler.js';
import { RegistrationQueries } from '../../infrastructure/queries/registration.queries.js';

const tags = ['participants'];

/** A registered participant's own record (F-18), and its address-change report (F-9(3)). */
@Controller('participants')
export class ParticipantHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RegistrationQueries) private readonly queries: RegistrationQueries,
  ) {}

  @Get(':bin')
  @Endpoint({
    summary: "A participant's record: contract, term, certificate, activity types (the company itself and the Fund's participant-file readers, F-35)",
    tags,
    access: ['applicant', ...PARTICIPANT_FILE_ROLES],
    params: ParticipantBinParams,
    response: ParticipantViewSchema,
    errors: [404],
  })
  get(@ValidParams() p: z.infer<typeof ParticipantBinParams>, @CurrentActor() actor: Actor) {
    return this.queries.participant(p.bin, actor);
  }

  @Post(':bin/address')
  @HttpCode(200)
  @Endpoint({
    summary: 'Report a change of the address where the participant operates (F-9(3))',
    tags,
    access: ['applicant'],
    params: ParticipantBinParams,
    body: AddressChangeBody,
    status: 200,
    response: ParticipantViewSchema,
    errors: [404],
  })
  async address(@ValidParams() p: z.infer<typeof ParticipantBinParams>, @ValidBody() body: z.infer<typeof AddressChangeBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new ReportAddressChangeCommand(p.bin, body, actor));
    return this.queries.participant(p.bin, actor);
  }
}
