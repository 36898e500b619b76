import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Clock } from '@hub/kernel';
import { MetricsRegistry, UnitOfWork } from '@hub/nest-commons';

/**
 * Registration's domain figures on the platform's `/metrics` (prom-client, ADR 0035): applications
 * by kind and status, and the Fund's statutory deadlines (F-12 … F-20) open, overdue and missed, by
 * kind and rule. Counted from the tables at scrape time; no company data.
 */
@Injectable()
export class RegistrationMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.registry.getSingleMetric('hub_registration_applications')) return;
    const uow = this.uow;
    const clock = this.clock;
    new Gauge({
      name: 'hub_registration_applications',
      help: 'Applications by kind and status.',
      labelNames: ['kind', 'status'],
      registers: [this.registry],
      async collect() {
        const rows = await uow
          .reader()
          .execute<{ kind: string; status: string; n: string }[]>(`select kind, status, count(*)::text n from registration_application group by kind, status`);
        this.reset();
        for (const r of rows) this.set({ kind: r.kind, status: r.status }, Number(r.n));
      },
    });
    const deadlineRows = () =>
      uow.reader().execute<{ kind: string; rule_id: string; open: string; overdue: string; missed: string }[]>(
        `select kind, rule_id, count(*) filter (where status = 'open')::text open, count(*) filter (where status = 'open' and due_at < ?)::text overdue, count(*) filter (where missed_at is not null)::text missed
           from registration_deadline group by kind, rule_id`,
        [clock.now()],
      );
    const deadlineGauge = (name: string, help: string, column: 'open' | 'overdue' | 'missed') =>
      new Gauge({
        name,
        help,
        labelNames: ['kind', 'rule'],
        registers: [this.registry],
        async collect() {
          const rows = await deadlineRows();
          this.reset();
          for (const r of rows) this.set({ kind: r.kind, rule: r.rule_id }, Number(r[column]));
        },
      });
    deadlineGauge('hub_registration_deadlines_open', 'Open statutory deadlines of the Fund (F-12 … F-20).', 'open');
    deadlineGauge('hub_registration_deadlines_overdue', 'Open deadlines past their due moment.', 'overdue');
    deadlineGauge('hub_registration_deadlines_missed', 'Deadlines that passed with the step not done (met late or still open).', 'missed');
  }
}
