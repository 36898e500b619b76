import { Global, Module } from '@nestjs/common';
import { HUB_CONFIG } from '@hub/nest-commons';
import { PiiCipher, piiCipherFrom } from '@hub/pii';
import type { ServicesConfig } from '../config.js';
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
import { RecipientPseudonyms } from './application/ports/recipient-pseudonyms.js';
import { PgRecipientPseudonyms } from './infrastructure/recipient-pseudonyms.mikro-orm.js';
import { ApplicationsQueries } from './application/queries/applications.queries.js';
import { MikroOrmServiceApplicationReadModel, MikroOrmServiceApplicationRepository } from './infrastructure/application.mikro-orm.repository.js';
import { ApplicationsMetrics } from './infrastructure/applications.metrics.js';
import { ApplicationsHttpController } from './interface/http/applications.http.controller.js';
import { DeadlinesHttpController } from './interface/http/deadlines.http.controller.js';

/** Service applications, review, decision and contract (F-47 … F-56). Global: the platform's timer handler uses the repository; cohorts and billing use the key ring and the pseudonyms. */
@Global()
@Module({
  controllers: [ApplicationsHttpController, DeadlinesHttpController],
  providers: [
    { provide: ServiceApplicationRepository, useClass: MikroOrmServiceApplicationRepository },
    { provide: ServiceApplicationReadModel, useClass: MikroOrmServiceApplicationReadModel },
    // F-42: the context's key ring (ADR 0068) and the individual recipients' pseudonyms (ADR 0069)
    { provide: PiiCipher, inject: [HUB_CONFIG], useFactory: (c: ServicesConfig) => piiCipherFrom(c) },
    { provide: RecipientPseudonyms, useClass: PgRecipientPseudonyms },
    ApplicationsQueries,
    ApplicationsMetrics,
    FileApplicationHandler,
    IssueRemarksHandler,
    ResubmitApplicationHandler,
    DecideApplicationHandler,
    SignContractHandler,
    RecordTranslationHandler,
  ],
  exports: [ServiceApplicationRepository, ApplicationsQueries, PiiCipher, RecipientPseudonyms],
})
export class ApplicationsModule {}
