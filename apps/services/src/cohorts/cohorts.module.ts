import { Module } from '@nestjs/common';
import { HUB_CONFIG } from '@hub/nest-commons';
import { PiiCipher, piiCipherFrom } from '@hub/pii';
import type { ServicesConfig } from '../config.js';
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
    // F-42 (ADR 0068): the cohort members' IINs
    { provide: PiiCipher, inject: [HUB_CONFIG], useFactory: (c: ServicesConfig) => piiCipherFrom(c) },
    OpenCohortHandler,
    EnrolPersonHandler,
    ExpelPersonHandler,
    CompleteEnrolmentHandler,
  ],
})
export class CohortsModule {}
