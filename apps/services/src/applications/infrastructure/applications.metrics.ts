import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '@hub/nest-commons';
import { ServiceApplicationReadModel } from '../application/ports/application.read-model.js';

/** Service applications by status on /metrics. */
@Injectable()
export class ApplicationsMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(ServiceApplicationReadModel) private readonly readModel: ServiceApplicationReadModel,
  ) {}
  onModuleInit(): void {
    const readModel = this.readModel;
    new Gauge({
      name: 'hub_services_applications',
      help: 'Service applications by status',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        for (const [status, n] of Object.entries(await readModel.countByStatus())) this.set({ status }, n);
      },
    });
  }
}
