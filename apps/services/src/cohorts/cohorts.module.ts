import { Global, Module } from '@nestjs/common';
import { CompleteEnrolmentHandler, EnrolHandler, ExpelHandler, OpenCohortHandler } from './application/commands/cohort.handlers.js';
import { CohortReadModel, CohortRepository } from './application/ports/cohort.repository.js';
import { MikroOrmCohortReadModel, MikroOrmCohortRepository } from './infrastructure/cohort.mikro-orm.repository.js';
import { CohortsHttpController } from './interface/http/cohorts.http.controller.js';

/** Acceleration cohorts and enrolments (F-44, F-55; the facts housing's F-59 … F-62 rest on). Global: the platform's timer handler uses the repository. */
@Global()
@Module({
  controllers: [CohortsHttpController],
  providers: [
    { provide: CohortRepository, useClass: MikroOrmCohortRepository },
    { provide: CohortReadModel, useClass: MikroOrmCohortReadModel },
    OpenCohortHandler,
    EnrolHandler,
    ExpelHandler,
    CompleteEnrolmentHandler,
  ],
  exports: [CohortRepository],
})
export class CohortsModule {}
