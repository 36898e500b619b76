import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import { HUB_CONFIG, HUB_LOGGER, UnitOfWork } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import type { DeliveryPolicy } from '../domain/delivery-policy.js';
import { Mailer, MailerError } from './ports/mailer.js';
import { MessageRepository } from './ports/message.repository.js';
import { Addresses } from './addresses.js';

/** What the worker logs through (the platform's pino logger). */
type Log = (obj: Record<string, unknown>, msg: string) => void;
interface Logger {
  readonly warn: Log;
  readonly error: Log;
}

export type AttemptOutcome = 'sent' | 'retry' | 'dead';

/**
 * The e-mail channel's worker (ADR 0091). Each attempt is one transaction: claim the oldest due mail
 * with `FOR UPDATE SKIP LOCKED`, hand it to the SMTP server, record the outcome (sent; or failed →
 * backoff, or dead-lettered with the reason) — and, for a statutory notice, the NoticeDelivered
 * fact into the outbox — then commit. The row lock is held while the server is talked to, so no
 * other worker can send the same mail; a sent mail is never pending again. What is left is the
 * window between the server's acceptance and the commit: a crash there sends the mail once more
 * (at least once), which the Message-ID header lets a receiver recognise.
 */
@Injectable()
export class EmailDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly policy: DeliveryPolicy;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MessageRepository) private readonly messages: MessageRepository,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    @Inject(Addresses) private readonly addresses: Addresses,
  ) {
    this.policy = {
      maxAttempts: config.NOTIFICATIONS_DELIVERY_MAX_ATTEMPTS,
      backoffBaseMs: config.NOTIFICATIONS_DELIVERY_BACKOFF_BASE_MS,
      backoffMaxMs: config.NOTIFICATIONS_DELIVERY_BACKOFF_MAX_MS,
    };
  }

  /** One attempt at the oldest due mail; null when none is due. */
  async attemptNext(): Promise<{ messageId: string; outcome: AttemptOutcome } | null> {
    return this.uow.run(async () => {
      const message = await this.messages.claimNextDueEmail(this.clock.now());
      if (!message) return null;
      try {
        const { transportId } = await this.mailer.send({
          to: this.addresses.open(message)!,
          subject: message.subject,
          text: message.body,
          language: message.language,
          messageId: message.id,
        });
        message.delivered(this.clock.now(), transportId);
        return { messageId: message.id, outcome: 'sent' as const };
      } catch (err) {
        const permanent = err instanceof MailerError && err.permanent;
        const reason = err instanceof Error ? err.message : String(err);
        const outcome = message.failed(this.clock.now(), reason, permanent, this.policy);
        this.logger[outcome === 'dead' ? 'error' : 'warn'](
          { messageId: message.id, attempts: message.attempts, reason },
          `e-mail ${outcome === 'dead' ? 'dead-lettered' : 'will be retried'}`,
        );
        return { messageId: message.id, outcome };
      }
    });
  }

  /** Attempts every due mail once (at most `limit`); returns the outcomes. Tests call it; the worker loops on it. */
  async runOnce(limit = 50): Promise<{ messageId: string; outcome: AttemptOutcome }[]> {
    const outcomes: { messageId: string; outcome: AttemptOutcome }[] = [];
    const seen = new Set<string>();
    while (outcomes.length < limit) {
      const next = await this.attemptNext();
      if (!next || seen.has(next.messageId)) break;
      seen.add(next.messageId);
      outcomes.push(next);
    }
    return outcomes;
  }

  onApplicationBootstrap(): void {
    if (!this.config.HUB_RUN_WORKERS) return;
    this.stopped = false;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err: unknown) => this.logger.error({ err: (err as Error).message }, 'e-mail delivery round failed'))
        .finally(() => this.schedule());
    }, this.config.NOTIFICATIONS_DELIVERY_POLL_MS);
  }
}
