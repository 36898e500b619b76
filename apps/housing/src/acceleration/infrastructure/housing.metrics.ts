import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry, UnitOfWork } from '@hub/nest-commons';

/** The domain's own figures on /metrics, next to the platform's: allocations by status (with overdue vacating apart) and waiting requests. */
@Injectable()
export class HousingMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    const uow = this.uow;
    new Gauge({
      name: 'hub_housing_allocations',
      help: 'Offers and allocations of beds by status (vacating-overdue: F-61 deadline passed)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const rows = await uow
          .reader()
          .execute<{ status: string; n: string }[]>(
            `select case when status = 'vacating' and vacate_overdue then 'vacating-overdue' else status end as status, count(*)::text as n from housing_allocation group by 1`,
          );
        this.reset();
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
    new Gauge({
      name: 'hub_housing_waitlist',
      help: 'Housing requests waiting for a bed (F-62)',
      registers: [this.registry],
      async collect() {
        const [row] = await uow.reader().execute<{ n: string }[]>(`select count(*)::text as n from housing_case where status = 'waiting'`);
        this.set(Number(row?.n ?? 0));
      },
    });
  }
}
