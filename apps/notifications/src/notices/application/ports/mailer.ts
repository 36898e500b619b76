/** Port: the e-mail channel (SMTP through nodemailer in production and development). */
export abstract class Mailer {
  /** Whether e-mail is configured at all (HUB_SMTP_URL); without it the portal inbox is the only channel. */
  abstract get enabled(): boolean;
  /** Sends one message; resolves with the server's message id once it accepted it (SMTP 250), throws otherwise. */
  abstract send(message: { id: string; to: string; subject: string; text: string; language: string }): Promise<{ messageId: string }>;
}
