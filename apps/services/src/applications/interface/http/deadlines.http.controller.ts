import { Controller, Get, Inject } from '@nestjs/common';
import { z } from 'zod';
import { type Actor, DEADLINE_READER_ROLES, DeadlinesPageQuerySchema, PARTICIPANT_FILE_ROLES, deadlinesPageOf, pageDeadlines } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidQuery } from '@hub/nest-commons';
import { BillingUseCases } from '../../../billing/infrastructure/billing.use-cases.js';
import { ApplicationsQueries } from '../../application/queries/applications.queries.js';
import { ServicesDeadlineSchema } from './applications.dto.js';

/**
 * ADR 0033: services on the deadlines board — open application reviews (F-51, ADR 0061) and the
 * payment due dates of open invoices (F-55, ADR 0066), together in due order, overdue flagged.
 */
@Controller('deadlines')
export class DeadlinesHttpController {
  constructor(
    @Inject(ApplicationsQueries) private readonly queries: ApplicationsQueries,
    @Inject(BillingUseCases) private readonly billing: BillingUseCases,
  ) {}

  @Get()
  @Endpoint({
    summary:
      'Open deadlines (ADR 0033): application reviews due on a working day (F-51, ADR 0061) and invoice payments due (F-55, ADR 0066), with overdue; one keyset page (limit, after=nextCursor; ADR 0047)',
    tags: ['deadlines'],
    access: ['applicant', ...PARTICIPANT_FILE_ROLES, ...DEADLINE_READER_ROLES],
    query: DeadlinesPageQuerySchema,
    response: deadlinesPageOf(ServicesDeadlineSchema),
  })
  async deadlines(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof DeadlinesPageQuerySchema>) {
    // ADR 0047: open reviews (one per application under review) and open invoices (a few per contract)
    // are few by nature: paged in memory. The key is the subject's uuid, unique across both kinds.
    const [reviews, payments] = await Promise.all([this.queries.deadlines(actor), this.billing.invoiceDeadlines(actor)]);
    return pageDeadlines([...reviews, ...payments], q, (d) => d.subjectId);
  }
}
