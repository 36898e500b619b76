import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { MonitoringConclusion } from '../../domain/monitoring-conclusion.js';

/** Reads of monitoring conclusions (F-36, F-40). */
@Injectable()
export class MonitoringQueries {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  conclusionsOf(participationId: string): Promise<MonitoringConclusion[]> {
    return this.uow.reader().find(MonitoringConclusion, { participationId }, { orderBy: { periodTo: 'asc' } });
  }
}
