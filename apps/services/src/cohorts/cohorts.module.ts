import { Module } from '@nestjs/common';
import { CompleteEnrolmentHandler, EnrolPersonHandler, ExpelPersonHandler, OpenCohortHandler } from './application/commands/cohort.handlers.js';
import { CohortReadModel, CohortRepository } from './application/ports/cohort.repository.js';
import { MikroOrmCohortReadModel, MikroOrmCohortRepository } from './infrastructure/cohort.mikro-orm.repository.js';
import { CohortsHttpController } from './interface/http/cohorts.http.controller.js';

/** Acceleration cohorts (F-44, ADR 0064). */
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
