import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { type Actor, FUND_STAFF_ROLES } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidParams, ValidQuery } from '@hub/nest-commons';
import { DeadLetterService } from '../../application/dead-letters.service.js';
import { MessageLogService } from '../../application/message-log.service.js';
import { DeadLetterQuery, DeadLetterSchema, MessageIdParams, MessageLogEntrySchema, MessageLogQuery, deadLetterView, messageLogView } from './messages.dto.js';

/** Who may send a dead letter again: the Fund's officers who answer for the correspondence (ADR 0104). */
export const RESEND_ROLES = ['fund-officer', 'training-officer', 'housing-manager'] as const;

/** The message log for the Fund's staff (issue #16), per company or per application; the dead letters and their resend (ADR 0104). */
@Controller('messages')
export class MessageLogHttpController {
  constructor(
    @Inject(MessageLogService) private readonly log: MessageLogService,
    @Inject(DeadLetterService) private readonly deadLetters: DeadLetterService,
  ) {}

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

  @Get('dead-letters')
  @Endpoint({
    summary: 'The dead letters: e-mails given up after the last attempt or a permanent refusal, with the reason, most recent first (no bodies, F-42)',
    tags: ['messages'],
    access: [...FUND_STAFF_ROLES],
    query: DeadLetterQuery,
    response: z.array(DeadLetterSchema),
  })
  async listDead(@ValidQuery() q: z.infer<typeof DeadLetterQuery>) {
    return (await this.deadLetters.list(q)).map(deadLetterView);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Endpoint({
    summary: "Send a dead letter again, to the company's current address (ADR 0104); anything but a dead e-mail is 409",
    tags: ['messages'],
    access: [...RESEND_ROLES],
    params: MessageIdParams,
    status: 200,
    response: DeadLetterSchema,
    errors: [404, 409],
  })
  async resend(@ValidParams() p: z.infer<typeof MessageIdParams>, @CurrentActor() actor: Actor) {
    return deadLetterView(await this.deadLetters.resend(p.id, actor));
  }
}
