import { Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { Clock, ForbiddenError, NotFoundError } from '@hub/kernel';
import { CurrentActor, Endpoint, UnitOfWork, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { NoticeReadModel, NoticeRepository } from '../../application/ports/notice.repository.js';
import { RecipientSettings } from '../../domain/notice.aggregate.js';
import { BinParams, IdParams, InboxQuery, InboxSchema, NoticeViewSchema, SettingsBody, SettingsViewSchema } from './notices.dto.js';

const tags = ['notifications'];

/** The portal inbox (the web app's bell) and a company's channel settings. F-35: a representative sees only its companies' notices. */
@Controller()
export class NoticesHttpController {
  constructor(
    @Inject(NoticeReadModel) private readonly reads: NoticeReadModel,
    @Inject(NoticeRepository) private readonly notices: NoticeRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('inbox')
  @Endpoint({
    summary: 'Notices to the companies the caller represents, newest first, with the unread count',
    tags,
    access: ['applicant'],
    query: InboxQuery,
    response: InboxSchema,
  })
  inbox(@ValidQuery() q: z.infer<typeof InboxQuery>, @CurrentActor() actor: Actor) {
    return this.reads.inbox(actor.companies, q);
  }

  @Post('inbox/:id/read')
  @HttpCode(200)
  @Endpoint({ summary: 'Mark a notice read', tags, access: ['applicant'], params: IdParams, response: NoticeViewSchema, errors: [404] })
  async read(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    await this.uow.run(async () => {
      const notice = await this.notices.get(p.id);
      if (!actor.companies.includes(notice.bin)) throw new NotFoundError('notice', p.id); // F-35: another company's notice does not exist for you
      notice.markRead(this.clock.now());
    });
    const view = await this.reads.get(p.id);
    if (!view) throw new NotFoundError('notice', p.id);
    return view;
  }

  @Get('notification-settings/:bin')
  @Endpoint({
    summary: 'A company’s e-mail address and language for notices',
    tags,
    access: ['applicant'],
    params: BinParams,
    response: SettingsViewSchema,
    errors: [403],
  })
  async settings(@ValidParams() p: z.infer<typeof BinParams>, @CurrentActor() actor: Actor) {
    this.assertRepresents(actor, p.bin);
    const s = await this.uow.run(() => this.notices.settings(p.bin));
    return { bin: p.bin, email: s?.email ?? null, language: s?.language ?? 'kk', remindersEnabled: s?.remindersEnabled ?? true };
  }

  @Put('notification-settings/:bin')
  @Endpoint({
    summary: 'Set where and in which language the company receives notices (statutory ones cannot be switched off)',
    tags,
    access: ['applicant'],
    params: BinParams,
    body: SettingsBody,
    response: SettingsViewSchema,
    errors: [403],
  })
  async choose(@ValidParams() p: z.infer<typeof BinParams>, @ValidBody() body: z.infer<typeof SettingsBody>, @CurrentActor() actor: Actor) {
    this.assertRepresents(actor, p.bin);
    await this.uow.run(async () => {
      const now = this.clock.now();
      const s = await this.notices.settings(p.bin);
      if (s) s.choose(body, now);
      else this.notices.addSettings(RecipientSettings.of({ bin: p.bin, ...body, languageSource: 'chosen', at: now }));
    });
    return { bin: p.bin, ...body };
  }

  private assertRepresents(actor: Actor, bin: string): void {
    if (!actor.companies.includes(bin)) throw new ForbiddenError(`you do not represent the company ${bin}`);
  }
}
