import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import { Mailer } from '../application/ports/mailer.js';

/**
 * E-mail over SMTP (nodemailer). The notice id is the Message-ID, so a message re-sent after a crash
 * between the server's 250 and our commit carries the same id (receivers and archives can tell it is
 * the same message — the one case of "sent twice" SMTP cannot rule out, ADR 0090).
 */
@Injectable()
export class SmtpMailer extends Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;
  constructor(@Inject(HUB_CONFIG) private readonly config: NotificationsConfig) {
    super();
    this.transport = config.HUB_SMTP_URL ? nodemailer.createTransport(config.HUB_SMTP_URL, { from: config.HUB_MAIL_FROM }) : null;
  }
  get enabled(): boolean {
    return this.transport !== null;
  }
  async send(m: { id: string; to: string; subject: string; text: string; language: string }): Promise<{ messageId: string }> {
    if (!this.transport) throw new Error('e-mail is not configured (HUB_SMTP_URL)');
    const domain = this.config.HUB_MAIL_FROM.split('@')[1]?.replace(/>.*$/, '') ?? 'hub.local';
    const info = (await this.transport.sendMail({
      to: m.to,
      subject: m.subject,
      text: m.text,
      messageId: `<${m.id}@${domain}>`,
      headers: { 'Content-Language': m.language },
    })) as { messageId: string };
    return { messageId: info.messageId };
  }
  onModuleDestroy(): void {
    this.transport?.close();
  }
}
