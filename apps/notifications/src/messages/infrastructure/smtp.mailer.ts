import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import { Mailer, MailerError, type OutgoingMail } from '../application/ports/mailer.js';

/**
 * The e-mail channel over SMTP (nodemailer). Resolves once the server accepted the mail for every
 * recipient; an SMTP 5xx (or a rejected recipient) is permanent, anything else (refused
 * connection, timeout, 4xx) is worth another attempt (ADR 0091).
 */
@Injectable()
export class SmtpMailer extends Mailer implements BeforeApplicationShutdown {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(@Inject(HUB_CONFIG) private readonly config: NotificationsConfig) {
    super();
    const timeout = config.NOTIFICATIONS_SMTP_TIMEOUT_MS;
    this.transport = nodemailer.createTransport({
      url: config.NOTIFICATIONS_SMTP_URL,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } satisfies SMTPTransport.Options);
  }

  async send(mail: OutgoingMail): Promise<{ transportId: string }> {
    let info: SMTPTransport.SentMessageInfo;
    try {
      info = await this.transport.sendMail({
        from: this.config.NOTIFICATIONS_MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.messageId}@notifications.astanahub.kz>`,
        headers: { 'Content-Language': mail.language, 'X-Hub-Message-Id': mail.messageId },
      });
    } catch (err) {
      const e = err as Error & { responseCode?: number; code?: string };
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
      throw new MailerError(`${e.code ?? 'SMTP'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message}`, permanent);
    }
    if (info.rejected.length > 0) throw new MailerError(`the SMTP server rejected ${info.rejected.map(String).join(', ')}: ${info.response}`, true);
    return { transportId: `${info.messageId} ${info.response}` };
  }

  beforeApplicationShutdown(): void {
    this.transport.close();
  }
}
