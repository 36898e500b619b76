/** One e-mail as the worker hands it to the mail server. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly language: string;
  /** Notifications's message id: the Message-ID header, so that a receiver can drop a copy (ADR 0091). */
  readonly messageId: string;
}

/** The mail server refused or could not be reached. `permanent`: trying again cannot help (an SMTP 5xx). */
export class MailerError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailerError';
  }
}

/** Port: the e-mail channel (infrastructure: SMTP through nodemailer). Resolves when the server accepted the mail. */
export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<{ readonly transportId: string }>;
}
