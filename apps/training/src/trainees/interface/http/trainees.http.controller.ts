import { Controller, Get, Inject, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { type Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { ListTraineesCommand, ReadTraineesCommand } from '../../application/trainees.commands.js';
import { IdParams, TraineeListBody, TraineeListResultSchema, TraineeViewSchema } from './trainees.dto.js';

/**
 * F-76 trainees over HTTP. Their IIN and name are F-42 personal data: the provider itself and the
 * Fund's training officer only; every read is logged (`training_pii_access_log`).
 */
@Controller()
export class TraineesHttpController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Put('provider-applications/:id/trainees')
  @Endpoint({
    summary: 'F-76: the admitted provider lists its trainees (valid IINs, at most its quotas, nobody listed by another provider of the intake)',
    tags: ['trainees'],
    access: ['applicant'],
    params: IdParams,
    body: TraineeListBody,
    status: 200,
    response: TraineeListResultSchema,
    errors: [404, 409, 422],
  })
  list(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof TraineeListBody>, @CurrentActor() actor: Actor) {
    return this.commands.execute(new ListTraineesCommand(p.id, body.trainees, actor));
  }

  @Get('provider-applications/:id/trainees')
  @Endpoint({
    summary: 'F-76, F-42: the trainees’ IIN and name (the provider and the training officer; every read logged)',
    tags: ['trainees'],
    access: ['applicant', 'training-officer'],
    params: IdParams,
    response: z.array(TraineeViewSchema),
    errors: [404],
  })
  read(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.commands.execute(new ReadTraineesCommand(p.id, actor));
  }
}
