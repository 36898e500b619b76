import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '@hub/nest-commons';
import { HousingRequestReadModel } from '../application/ports/request.read-model.js';

/** The domain's own figures on /metrics, next to the platform's (HTTP, outbox lag, timers, consumers). */
@Injectable()
export class RequestsMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(HousingRequestReadModel) private readonly readModel: HousingRequestReadModel,
  ) {}

  onModuleInit(): void {
    const readModel = this.readModel;
    new Gauge({
      name: 'hub_housing_requests',
      help: 'Requests by status (open, overdue)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        for (const [status, n] of Object.entries(await readModel.countByStatus())) this.set({ status }, n);
      },
    });
  }
}
