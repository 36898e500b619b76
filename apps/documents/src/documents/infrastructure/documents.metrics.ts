import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '@hub/nest-commons';
import { DocumentReadModel } from '../application/ports/document.read-model.js';

/** Documents by status on /metrics (awaiting uploads piling up, rejections). */
@Injectable()
export class DocumentsMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsRegistry) private readonly registry: MetricsRegistry,
    @Inject(DocumentReadModel) private readonly readModel: DocumentReadModel,
  ) {}

  onModuleInit(): void {
    const readModel = this.readModel;
    new Gauge({
      name: 'hub_documents_documents',
      help: 'Documents by status (awaiting-upload, verified, attached, issued, rejected, expired)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [status, n] of Object.entries(await readModel.countByStatus())) this.set({ status }, n);
      },
    });
  }
}
