import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Clock } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { MetricsRegistry, UnitOfWork } from '@hub/nest-commons';
import { almatyDate } from '../domain/calendar.js';

/**
 * Participation's domain figures on the platform's `/metrics` (ADR 0035): participations by status,
 * open early-termination cases by status, and the participants' statutory obligations open and
 * overdue by kind and rule (fees F-21, reports F-37, requests F-32/F-38, audit opinions F-33).
 * Counted from the tables at scrape time; no company data in any label.
 */
@Injectable()
export class ParticipationMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.registry.getSingleMetric('hub_participation_participations')) return;
    const uow = this.uow;
    const clock = this.clock;
    new Gauge({
      name: 'hub_participation_participations',
      help: 'Participations by status (active, ended, terminated).',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const rows = await sql<{ status: string; n: string }>(uow.reader(), 'select status, count(*)::text as n from participation group by status');
        this.reset();
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
    new Gauge({
      name: 'hub_participation_early_terminations_open',
      help: 'Early-termination cases awaiting the Commission (F-30) or a withdrawal date (F-29).',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const rows = await sql<{ status: string; n: string }>(
          uow.reader(),
          `select status, count(*)::text as n from early_termination where status in ('pending-commission', 'scheduled') group by status`,
        );
        this.reset();
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
    new Gauge({
      name: 'hub_participation_obligations_open',
      help: "Participants' open statutory obligations by kind and rule; overdue=true once the due date has passed.",
      labelNames: ['kind', 'rule', 'overdue'],
      registers: [this.registry],
      async collect() {
        const today = almatyDate(clock.now());
        const rows = await sql<{ kind: string; rule: string; overdue: boolean; n: string }>(
          uow.reader(),
          `select kind, rule, overdue, count(*)::text as n from (
             select 'membership-fee' as kind, 'F-21' as rule, (status = 'overdue' or due_date < ?::date) as overdue from membership_fee where status <> 'paid'
             union all select 'quarterly-report', 'F-37', (status = 'overdue' or due_date < ?::date) from quarterly_report where status in ('due', 'overdue')
             union all select 'information-request', case when kind = 'audit-report' then 'F-33' else 'F-32' end, (status = 'overdue' or due_date < ?::date) from information_request where status in ('open', 'overdue')
             union all select 'audit-opinion', 'F-33', (status = 'overdue' or due_date < ?::date) from audit_obligation where status in ('owed', 'overdue')
           ) o group by kind, rule, overdue`,
          [today, today, today, today],
        );
        this.reset();
        for (const r of rows) this.set({ kind: r.kind, rule: r.rule, overdue: String(r.overdue) }, Number(r.n));
      },
    });
  }
}
