export interface ReceivedMail {
  readonly messageId: string | null;
  readonly from: string;
  /** The SMTP envelope's recipients (RCPT TO). */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly receivedAt: string;
}

export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  /** `smtp://host:port` */
  readonly url: string;
  messages(): ReceivedMail[];
  clear(): void;
  /** While on, every mail is answered 451 (a temporary failure). */
  reject(on?: boolean): void;
  stop(): Promise<void>;
}

export function startSmtpSink(options?: { host?: string; port?: number }): Promise<SmtpSink>;
export function startSinkHttp(sink: SmtpSink, options?: { host?: string; port?: number }): Promise<{ port: number; stop(): Promise<void> }>;
