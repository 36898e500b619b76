import { Controller, Get, Inject } from '@nestjs/common';
import { z } from 'zod';
import { FUND_STAFF_ROLES } from '@hub/contracts';
import { Endpoint, ValidQuery } from '@hub/nest-commons';
import { MessageLogService } from '../../application/message-log.service.js';
import { MessageLogEntrySchema, MessageLogQuery, messageLogView } from './messages.dto.js';

/** The message log for the Fund's staff (issue #16), per company or per application. */
@Controller('messages')
export class MessageLogHttpController {
  constructor(@Inject(MessageLogService) private readonly log: MessageLogService) {}

  @Get()
  @Endpoint({
    summary: 'The message log of a company or an application: what, to whom (masked), when, channel, status, attempts (no bodies, F-42)',
    tags: ['messages'],
    access: [...FUND_STAFF_ROLES],
    query: MessageLogQuery,
    response: z.array(MessageLogEntrySchema),
  })
  async list(@ValidQuery() q: z.infer<typeof MessageLogQuery>) {
    return (await this.log.list(q)).map(messageLogView);
  }
}
