import { Controller, Get, Inject } from '@nestjs/common';
import { z } from 'zod';
import { type Actor, DeadlinesPageQuerySchema, PARTICIPANT_FILE_ROLES, deadlinesPageOf, pageDeadlines } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidQuery } from '@hub/nest-commons';
import { ApplicationsQueries } from '../../application/queries/applications.queries.js';
import { ReviewDeadlineSchema } from './applications.dto.js';

/** ADR 0033: services on the deadlines board — open application reviews with their working-day due dates (F-51, ADR 0061). */
@Controller('deadlines')
export class DeadlinesHttpController {
  constructor(@Inject(ApplicationsQueries) private readonly queries: ApplicationsQueries) {}

  @Get()
  @Endpoint({
    summary:
      'Open deadlines (ADR 0033): application reviews due on a working day (F-51, ADR 0061), with overdue; one keyset page (limit, after=nextCursor; ADR 0047)',
    tags: ['deadlines'],
    access: ['applicant', ...PARTICIPANT_FILE_ROLES],
    query: DeadlinesPageQuerySchema,
    response: deadlinesPageOf(ReviewDeadlineSchema),
  })
  async deadlines(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof DeadlinesPageQuerySchema>) {
    // ADR 0047: the open reviews are few by nature (one per application under review): paged in memory.
    return pageDeadlines(await this.queries.deadlines(actor), q, (d) => d.subjectId);
  }
}
