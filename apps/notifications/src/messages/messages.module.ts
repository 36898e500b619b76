import { Global, Module } from '@nestjs/common';
import { ClientCredentialsTokenSource, HUB_CONFIG, serviceCredentialsFrom } from '@hub/nest-commons';
import type { NotificationsConfig } from '../config.js';
import { DeadlinesBoard } from './application/ports/deadlines-board.js';
import { StaffDigests } from './application/staff-digests.js';
import { CommissionAgendas } from './application/commission-agendas.js';
import { CommissionDigests } from './application/commission-digests.js';
import { GatewayDeadlinesBoard, UnconfiguredDeadlinesBoard } from './infrastructure/gateway-deadlines-board.js';
import { EmailDelivery } from './application/email-delivery.js';
import { DeadLetterService } from './application/dead-letters.service.js';
import { FeeReminders } from './application/fee-reminders.js';
import { ReportReminders } from './application/report-reminders.js';
import { ObligationReminders } from './application/obligation-reminders.js';
import { ReminderCalendar } from './application/ports/reminder-calendar.js';
import { InboxService } from './application/inbox.service.js';
import { MessageLogService } from './application/message-log.service.js';
import { NoticeWriter } from './application/notice-writer.js';
import { Mailer } from './application/ports/mailer.js';
import { MessageRepository } from './application/ports/message.repository.js';
import { RecipientPreferenceRepository } from './application/ports/recipient-preference.repository.js';
import { PreferencesService } from './application/preferences.service.js';
import { PersonContacts } from './application/person-contacts.service.js';
import { Addresses } from './application/addresses.js';
import { ContactCipher, PersonContactRepository } from './application/ports/person-contact.repository.js';
import { ApplicationContactRepository } from './application/ports/application-contact.repository.js';
import { DisabledContactCipher, PiiContactCipher } from './infrastructure/pii-contact-cipher.js';
import { piiCipherFrom } from '@hub/pii';
import { PersonSettingsHttpController } from './interface/http/person-settings.http.controller.js';
import { PersonContactHttpController } from './interface/http/person-contact.http.controller.js';
import { TemplateCatalogue } from './domain/template-catalogue.js';
import {
  MikroOrmApplicationContactRepository,
  MikroOrmMessageRepository,
  MikroOrmPersonContactRepository,
  MikroOrmRecipientPreferenceRepository,
} from './infrastructure/message.mikro-orm.repository.js';
import { MessagesMetrics } from './infrastructure/messages.metrics.js';
import { KzReminderCalendar } from './infrastructure/reminder-calendar.kz.js';
import { SmtpMailer } from './infrastructure/smtp.mailer.js';
import { loadTemplateCatalogue } from './infrastructure/template-files.js';
import { InboxHttpController } from './interface/http/inbox.http.controller.js';
import { MessageLogHttpController } from './interface/http/message-log.http.controller.js';
import { PreferencesHttpController } from './interface/http/preferences.http.controller.js';

/**
 * The messages module: templates, the notices written from consumed events, the e-mail worker, the
 * in-portal inbox and the preferences. Global because the platform instantiates the event handlers
 * (app.module.ts `consumers`) in its own module: they find the NoticeWriter through this export.
 */
@Global()
@Module({
  controllers: [InboxHttpController, PreferencesHttpController, MessageLogHttpController, PersonSettingsHttpController, PersonContactHttpController],
  providers: [
    { provide: TemplateCatalogue, useFactory: () => loadTemplateCatalogue() },
    { provide: MessageRepository, useClass: MikroOrmMessageRepository },
    { provide: RecipientPreferenceRepository, useClass: MikroOrmRecipientPreferenceRepository },
    { provide: Mailer, useClass: SmtpMailer },
    { provide: PersonContactRepository, useClass: MikroOrmPersonContactRepository },
    { provide: ApplicationContactRepository, useClass: MikroOrmApplicationContactRepository },
    {
      // ADR 0114, F-42: a person's e-mail only sealed with @hub/pii; no key ring → none stored.
      provide: ContactCipher,
      inject: [HUB_CONFIG],
      useFactory: (c: NotificationsConfig): ContactCipher =>
        c.HUB_PII_KEYS && c.HUB_PII_ACTIVE_KEY
          ? new PiiContactCipher(
              piiCipherFrom({ HUB_PII_KEYS: c.HUB_PII_KEYS, HUB_PII_ACTIVE_KEY: c.HUB_PII_ACTIVE_KEY, HUB_PII_INDEX_KEY: c.HUB_PII_INDEX_KEY }),
            )
          : new DisabledContactCipher(),
    },
    PersonContacts,
    Addresses,
    { provide: ReminderCalendar, useFactory: () => new KzReminderCalendar() },
    {
      // ADR 0106 §5: the digest reads the gateway's board as notifications itself (client credentials).
      provide: DeadlinesBoard,
      inject: [HUB_CONFIG],
      useFactory: (c: NotificationsConfig): DeadlinesBoard => {
        const credentials = serviceCredentialsFrom(c);
        if (c.NOTIFICATIONS_DEADLINES_URL === undefined && credentials === undefined) return new UnconfiguredDeadlinesBoard();
        if (c.NOTIFICATIONS_DEADLINES_URL === undefined || credentials === undefined)
          throw new Error(
            'the staff digest needs both NOTIFICATIONS_DEADLINES_URL and HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_ID, HUB_SERVICE_CLIENT_SECRET (or neither)',
          );
        return new GatewayDeadlinesBoard(c.NOTIFICATIONS_DEADLINES_URL, new ClientCredentialsTokenSource(credentials));
      },
    },
    StaffDigests,
    CommissionAgendas,
    CommissionDigests,
    NoticeWriter,
    FeeReminders,
    DeadLetterService,
    ReportReminders,
    ObligationReminders,
    EmailDelivery,
    InboxService,
    PreferencesService,
    MessagesMetrics,
    MessageLogService,
  ],
  exports: [
    PersonContacts,
    Addresses,
    ApplicationContactRepository,
    ContactCipher,
    StaffDigests,
    CommissionAgendas,
    CommissionDigests,
    ReminderCalendar,
    NoticeWriter,
    FeeReminders,
    ReportReminders,
    ObligationReminders,
    TemplateCatalogue,
    MessageRepository,
    RecipientPreferenceRepository,
    EmailDelivery,
  ],
})
export class MessagesModule {}
