import { Global, Module } from '@nestjs/common';
import {
  DecideApplicationHandler,
  FileApplicationHandler,
  RecordTranslationHandler,
  IssueRemarksHandler,
  ResubmitApplicationHandler,
  SignContractHandler,
} from './application/commands/application.handlers.js';
import { ServiceApplicationReadModel } from './application/ports/application.read-model.js';
import { ServiceApplicationRepository } from './application/ports/application.repository.js';
import { ApplicationsQueries } from './application/queries/applications.queries.js';
import { MikroOrmServiceApplicationReadModel, MikroOrmServiceApplicationRepository } from './infrastructure/application.mikro-orm.repository.js';
import { ApplicationsMetrics } from './infrastructure/applications.metrics.js';
import { ApplicationsHttpController } from './interface/http/applications.http.controller.js';
import { DeadlinesHttpController } from './interface/http/deadlines.http.controller.js';

/** Service applications, review, decision and contract (F-47 … F-56). Global: the platform's timer handler uses the repository. */
@Global()
@Module({
  controllers: [ApplicationsHttpController, DeadlinesHttpController],
  providers: [
    { provide: ServiceApplicationRepository, useClass: MikroOrmServiceApplicationRepository },
    { provide: ServiceApplicationReadModel, useClass: MikroOrmServiceApplicationReadModel },
    ApplicationsQueries,
    ApplicationsMetrics,
    FileApplicationHandler,
    IssueRemarksHandler,
    ResubmitApplicationHandler,
    DecideApplicationHandler,
    SignContractHandler,
    RecordTranslationHandler,
  ],
  exports: [ServiceApplicationRepository, ApplicationsQueries],
})
export class ApplicationsModule {}
