import { Module } from '@nestjs/common';
import { CompleteEnrolmentHandler, EnrolPersonHandler, ExpelPersonHandler, OpenCohortHandler } from './application/commands/cohort.handlers.js';
import { CohortReadModel, CohortRepository } from './application/ports/cohort.repository.js';
import { MikroOrmCohortReadModel, MikroOrmCohortRepository } from './infrastructure/cohort.mikro-orm.repository.js';
import { CohortsHttpController } from './interface/http/cohorts.http.controller.js';

/** Acceleration cohorts (F-44, ADR 0064). The key ring (F-42, ADR 0068) comes from the applications module. */
@Module({
  controllers: [CohortsHttpController],
  providers: [
    { provide: CohortRepository, useClass: MikroOrmCohortRepository },
    { provide: CohortReadModel, useClass: MikroOrmCohortReadModel },
    OpenCohortHandler,
    EnrolPersonHandler,
    ExpelPersonHandler,
    CompleteEnrolmentHandler,
  ],
})
export class CohortsModule {}
