import { Controller, Get, Inject } from '@nestjs/common';
import { z } from 'zod';
import { type Actor, PARTICIPANT_FILE_ROLES } from '@hub/contracts';
import { CurrentActor, Endpoint } from '@hub/nest-commons';
import { ApplicationsQueries } from '../../application/queries/applications.queries.js';
import { ReviewDeadlineSchema } from './applications.dto.js';

/** ADR 0033: services on the deadlines board — open application reviews with their working-day due dates (F-51, ADR 0061). */
@Controller('deadlines')
export class DeadlinesHttpController {
  constructor(@Inject(ApplicationsQueries) private readonly queries: ApplicationsQueries) {}

  @Get()
  @Endpoint({
    summary: 'Open deadlines (ADR 0033): application reviews due on a working day (F-51, ADR 0061), with overdue',
    tags: ['deadlines'],
    access: ['applicant', ...PARTICIPANT_FILE_ROLES],
    response: z.array(ReviewDeadlineSchema),
  })
  deadlines(@CurrentActor() actor: Actor) {
    return this.queries.deadlines(actor);
  }
}
