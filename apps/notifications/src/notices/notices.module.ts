import { Global, Module } from '@nestjs/common';
import { NoticeFactory } from './application/notice-factory.js';
import { Mailer } from './application/ports/mailer.js';
import { NoticeReadModel, NoticeRepository } from './application/ports/notice.repository.js';
import { NoticeTemplates } from './application/ports/templates.js';
import { FileNoticeTemplates } from './infrastructure/file-templates.js';
import { MikroOrmNoticeReadModel, MikroOrmNoticeRepository } from './infrastructure/notice.mikro-orm.repository.js';
import { SmtpMailer } from './infrastructure/smtp-mailer.js';
import { NoticesHttpController } from './interface/http/notices.http.controller.js';

/** Notices from other contexts' events, delivered by e-mail and in the portal (issue #16). Global: the platform's consumers and timer handlers use its providers. */
@Global()
@Module({
  controllers: [NoticesHttpController],
  providers: [
    { provide: NoticeRepository, useClass: MikroOrmNoticeRepository },
    { provide: NoticeReadModel, useClass: MikroOrmNoticeReadModel },
    { provide: NoticeTemplates, useClass: FileNoticeTemplates },
    { provide: Mailer, useClass: SmtpMailer },
    NoticeFactory,
  ],
  exports: [NoticeRepository, NoticeReadModel, NoticeTemplates, Mailer, NoticeFactory],
})
export class NoticesModule {}
