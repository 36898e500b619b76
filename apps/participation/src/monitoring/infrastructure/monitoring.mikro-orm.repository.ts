import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import { MonitoringConclusionRepository } from '../application/ports/monitoring-conclusion.repository.js';
import { MonitoringConclusion } from '../domain/monitoring-conclusion.js';
import { FLUSH_FIRST } from '../../shared/infrastructure/flush-first.js';

@Injectable()
export class MikroOrmMonitoringConclusionRepository extends MonitoringConclusionRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  findFor(participationId: string, project: string, periodFrom: string, periodTo: string): Promise<MonitoringConclusion | null> {
    return this.uow.em().findOne(MonitoringConclusion, { participationId, project, periodFrom, periodTo }, FLUSH_FIRST);
  }

  add(conclusion: MonitoringConclusion): void {
    this.uow.em().persist(conclusion);
  }
}
