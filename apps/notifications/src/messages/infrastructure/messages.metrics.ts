import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { sql } from '@hub/messaging';
import { MetricsRegistry, UnitOfWork } from '@hub/nest-commons';

/**
 * The messages on /metrics (ADR 0091): how many by channel and status — a growing `email/pending`
 * is an SMTP outage, any `email/dead` needs a person.
 */
@Injectable()
export class MessagesMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    const uow = this.uow;
    new Gauge({
      name: 'hub_notifications_messages',
      help: 'Messages by channel (email, portal) and status (pending, sent, dead; unread, read)',
      labelNames: ['channel', 'status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows = await sql<{ channel: string; status: string; n: string }>(
          uow.reader(),
          'select channel, status, count(*)::text as n from notifications_message group by channel, status',
        );
        for (const r of rows) this.set({ channel: r.channel, status: r.status }, Number(r.n));
      },
    });
  }
}
