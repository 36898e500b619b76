import { Controller, Get, Inject } from '@nestjs/common';
import { z } from 'zod';
import { DEADLINE_READER_ROLES, ParticipationDeadlinesPageSchema, ParticipationDeadlinesQuery, type Actor } from '@hub/contracts';
import { PARTICIPANT_FILE_READERS } from '../../../shared/application/access.js';
import { CurrentActor, Endpoint, ValidQuery } from '@hub/nest-commons';
import { DeadlineQueries } from '../../application/queries/deadlines.queries.js';

/** The context's open statutory deadlines for the admin gateway's board (ADR 0033). */
@Controller()
export class DeadlinesController {
  constructor(@Inject(DeadlineQueries) private readonly queries: DeadlineQueries) {}

  @Get('deadlines')
  @Endpoint({
    summary:
      'Open deadlines: fees (F-21), reports (F-37, F-39), requests (F-32, F-38), audit opinions (F-33), planned ends (F-27); one keyset page (limit, after=nextCursor; ADR 0047) by due date; ?overdue=true&bin=&dueBefore=. Staff see all; an applicant its own companies (F-35)',
    access: [...PARTICIPANT_FILE_READERS, ...DEADLINE_READER_ROLES],
    query: ParticipationDeadlinesQuery,
    response: ParticipationDeadlinesPageSchema,
  })
  deadlines(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof ParticipationDeadlinesQuery>) {
    return this.queries.open(actor, q);
  }
}
