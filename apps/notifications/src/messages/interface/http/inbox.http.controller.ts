import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidParams } from '@hub/nest-commons';
import { InboxService } from '../../application/inbox.service.js';
import { InboxSchema, MessageIdParams, PortalMessageSchema, portalMessageView } from './messages.dto.js';

const tags = ['inbox'];

/**
 * The in-portal inbox (issue #16). The recipients are the companies in the caller's token
 * (`hub_companies`, F-35). Every route declares its access with `@Endpoint`; the same list is in the
 * gateway's route table.
 */
@Controller('inbox')
export class InboxHttpController {
  constructor(@Inject(InboxService) private readonly inbox: InboxService) {}

  @Get()
  @Endpoint({ summary: "The messages of the caller's companies, newest first, with the unread count", tags, access: ['applicant'], response: InboxSchema })
  async list(@CurrentActor() actor: Actor) {
    const page = await this.inbox.list(actor);
    return { unread: page.unread, messages: page.messages.map(portalMessageView) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Endpoint({
    summary: 'Mark a message read (the delivery of a statutory notice in the portal, ADR 0092); again changes nothing',
    tags,
    access: ['applicant'],
    params: MessageIdParams,
    status: 200,
    response: PortalMessageSchema,
    errors: [404],
  })
  async read(@ValidParams() p: z.infer<typeof MessageIdParams>, @CurrentActor() actor: Actor) {
    return portalMessageView(await this.inbox.markRead(p.id, actor));
  }
}
