import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { EventRegistry, TOPICS, registrationEvents } from '@hub/contracts';
import {
  HUB_CONFIG,
  HubPlatformModule,
  KnownDocumentsModule,
  issuedDocumentsClientFrom,
  knownDocumentsConsumer,
  serviceCredentialsFrom,
} from '@hub/nest-commons';
import { participationConfigSchema, type ParticipationConfig } from './config.js';
import { DeclareIncomeHandler } from './fees/application/commands/declare-income/declare-income.handler.js';
import { ImportBankStatementHandler } from './fees/application/commands/import-bank-statement/import-bank-statement.handler.js';
import { RecordPaymentHandler } from './fees/application/commands/record-payment/record-payment.handler.js';
import { FeeDueTimerHandler } from './fees/application/timers/fee-due.timer-handler.js';
import { FeesController } from './fees/interface/http/fees.http.controller.js';
import { RecordConclusionHandler } from './monitoring/application/commands/record-conclusion/record-conclusion.handler.js';
import { MonitoringController } from './monitoring/interface/http/monitoring.http.controller.js';
import { AnswerInformationRequestHandler } from './obligations/application/commands/answer-information-request/answer-information-request.handler.js';
import { FileCorporateNoticeHandler } from './obligations/application/commands/file-corporate-notice/file-corporate-notice.handler.js';
import { RequestInformationHandler } from './obligations/application/commands/request-information/request-information.handler.js';
import { SubmitAuditOpinionHandler } from './obligations/application/commands/submit-audit-opinion/submit-audit-opinion.handler.js';
import { AuditOpinionDueTimerHandler, InformationRequestDueTimerHandler } from './obligations/application/timers/obligation-due.timer-handlers.js';
import { ObligationsController } from './obligations/interface/http/obligations.http.controller.js';
import { DecideEarlyTerminationHandler } from './participation/application/commands/decide-early-termination/decide-early-termination.handler.js';
import { OpenEarlyTerminationHandler } from './participation/application/commands/open-early-termination/open-early-termination.handler.js';
import { DecideExtensionHandler } from './participation/application/commands/decide-extension/decide-extension.handler.js';
import { FileExtensionHandler } from './participation/application/commands/file-extension/file-extension.handler.js';
import { ActivityTypesChangedHandler } from './participation/application/event-handlers/activity-types-changed.handler.js';
import { ParticipantRegisteredHandler } from './participation/application/event-handlers/participant-registered.handler.js';
import { ParticipationLifecycle } from './participation/application/participation-lifecycle.service.js';
import { ParticipationQueries } from './participation/application/queries/participation.queries.js';
import { DeadlineQueries } from './participation/application/queries/deadlines.queries.js';
import { DeadlinesController } from './participation/interface/http/deadlines.http.controller.js';
import { FeeQueries } from './fees/application/queries/fee.queries.js';
import { MonitoringQueries } from './monitoring/application/queries/monitoring.queries.js';
import { ObligationQueries } from './obligations/application/queries/obligation.queries.js';
import { ReportingQueries } from './reporting/application/queries/reporting.queries.js';
import { GenerateAnalyticsHandler } from './reporting/application/commands/generate-analytics/generate-analytics.handler.js';
import { PlannedEndTimerHandler } from './participation/application/timers/planned-end.timer-handler.js';
import { QuarterClosedTimerHandler } from './participation/application/timers/quarter-closed.timer-handler.js';
import { WithdrawalEffectiveTimerHandler } from './participation/application/timers/withdrawal-effective.timer-handler.js';
import { ParticipationsController } from './participation/interface/http/participations.http.controller.js';
import { participationEntities } from './participation.entities.js';
import { AnalyticsService, AnalyticsTimerHandler } from './reporting/application/analytics.service.js';
import { ReadNonResidentsHandler } from './reporting/application/commands/read-non-residents/read-non-residents.handler.js';
import { SubmitQuarterlyReportHandler } from './reporting/application/commands/submit-quarterly-report/submit-quarterly-report.handler.js';
import { ReportDueTimerHandler } from './reporting/application/timers/report-due.timer-handler.js';
import { F42RetentionEndedTimerHandler } from './reporting/application/timers/f42-retention-ended.timer-handler.js';
import { AnalyticsArchiveTimerHandler } from './reporting/application/timers/analytics-archive.timer-handler.js';
import { AnalyticsArchive, AnalyticsArchiveRecords, AnalyticsPdfRenderer } from './reporting/application/ports/analytics-archive.ports.js';
import {
  DocumentsAnalyticsArchive,
  PdfAnalyticsRenderer,
  PostgresAnalyticsArchiveRecords,
  UnconfiguredAnalyticsArchive,
} from './reporting/infrastructure/analytics-archive.adapters.js';
import { ReportingController } from './reporting/interface/http/reporting.http.controller.js';
import { sharedProviders } from './shared/infrastructure/shared.providers.js';
import { ExtensionTermBounds } from './participation/domain/extension-term-bounds.js';
import { loadExtensionTermFile } from './participation/infrastructure/extension-term-file.js';
import { ExtensionCertificateRenderer, ExtensionCertificateRepository } from './participation/application/ports/extension-certificate.ports.js';
import { ExtensionCertificates } from './participation/application/extension-certificates.service.js';
import { AuditDuty } from './obligations/application/audit-duty.service.js';
import { DeclareAnnualIncomeHandler } from './obligations/application/commands/declare-annual-income/declare-annual-income.handler.js';
import {
  DocumentsExtensionCertificateRenderer,
  MikroOrmExtensionCertificateRepository,
} from './participation/infrastructure/extension-certificate.adapters.js';
import { ParticipationMetrics } from './shared/infrastructure/participation.metrics.js';
import { ParticipationIntegrationEvents } from './participation.integration-events.js';
import { ParticipationRepository } from './participation/application/ports/participation.repository.js';
import { ExtensionRepository } from './participation/application/ports/extension.repository.js';
import { EarlyTerminationRepository } from './participation/application/ports/early-termination.repository.js';
import { TerminationBasisReader } from './participation/application/ports/termination-basis.reader.js';
import {
  MikroOrmEarlyTerminationRepository,
  MikroOrmExtensionRepository,
  MikroOrmParticipationRepository,
  SqlTerminationBasisReader,
} from './participation/infrastructure/participation.mikro-orm.repositories.js';
import { FEE_EXPORTS, FEE_PROVIDERS } from './fees/fees.providers.js';
import { NonResidentRecords, QuarterlyReportRepository } from './reporting/application/ports/quarterly-report.repository.js';
import { MikroOrmNonResidentRecords, MikroOrmQuarterlyReportRepository } from './reporting/infrastructure/reporting.mikro-orm.repositories.js';
import {
  AnnualIncomeRepository,
  AuditObligationRepository,
  CorporateNoticeRepository,
  InformationRequestRepository,
} from './obligations/application/ports/obligation.repositories.js';
import {
  MikroOrmAnnualIncomeRepository,
  MikroOrmAuditObligationRepository,
  MikroOrmCorporateNoticeRepository,
  MikroOrmInformationRequestRepository,
} from './obligations/infrastructure/obligations.mikro-orm.repositories.js';
import { MonitoringConclusionRepository } from './monitoring/application/ports/monitoring-conclusion.repository.js';
import { MikroOrmMonitoringConclusionRepository } from './monitoring/infrastructure/monitoring.mikro-orm.repository.js';

export const TIMER_HANDLERS = [
  PlannedEndTimerHandler,
  QuarterClosedTimerHandler,
  WithdrawalEffectiveTimerHandler,
  FeeDueTimerHandler,
  ReportDueTimerHandler,
  F42RetentionEndedTimerHandler,
  InformationRequestDueTimerHandler,
  AuditOpinionDueTimerHandler,
  AnalyticsTimerHandler,
  AnalyticsArchiveTimerHandler,
];

const COMMAND_HANDLERS = [
  FileExtensionHandler,
  DecideExtensionHandler,
  OpenEarlyTerminationHandler,
  DecideEarlyTerminationHandler,
  DeclareIncomeHandler,
  RecordPaymentHandler,
  ImportBankStatementHandler,
  SubmitQuarterlyReportHandler,
  ReadNonResidentsHandler,
  RequestInformationHandler,
  AnswerInformationRequestHandler,
  SubmitAuditOpinionHandler,
  DeclareAnnualIncomeHandler,
  FileCorporateNoticeHandler,
  RecordConclusionHandler,
  GenerateAnalyticsHandler,
];

/** Every port of the context and the adapter that implements it (ADR 0035 §4). */
const PORTS: Provider[] = [
  ...sharedProviders,
  { provide: ParticipationRepository, useClass: MikroOrmParticipationRepository },
  { provide: ExtensionRepository, useClass: MikroOrmExtensionRepository },
  { provide: EarlyTerminationRepository, useClass: MikroOrmEarlyTerminationRepository },
  { provide: TerminationBasisReader, useClass: SqlTerminationBasisReader },
  { provide: QuarterlyReportRepository, useClass: MikroOrmQuarterlyReportRepository },
  { provide: NonResidentRecords, useClass: MikroOrmNonResidentRecords },
  { provide: InformationRequestRepository, useClass: MikroOrmInformationRequestRepository },
  { provide: AuditObligationRepository, useClass: MikroOrmAuditObligationRepository },
  { provide: AnnualIncomeRepository, useClass: MikroOrmAnnualIncomeRepository },
  { provide: CorporateNoticeRepository, useClass: MikroOrmCorporateNoticeRepository },
  { provide: MonitoringConclusionRepository, useClass: MikroOrmMonitoringConclusionRepository },
  { provide: ExtensionCertificateRepository, useClass: MikroOrmExtensionCertificateRepository },
  { provide: ExtensionCertificateRenderer, useClass: DocumentsExtensionCertificateRenderer },
  { provide: ExtensionTermBounds, inject: [HUB_CONFIG], useFactory: (c: ParticipationConfig) => loadExtensionTermFile(c.HUB_EXTENSION_TERM_FILE) },
  // Issue #10 (ADR 0132): each F-41 analytics edition is issued into the Fund's archive, as participation itself (ADR 0106).
  { provide: AnalyticsPdfRenderer, useClass: PdfAnalyticsRenderer },
  { provide: AnalyticsArchiveRecords, useClass: PostgresAnalyticsArchiveRecords },
  {
    provide: AnalyticsArchive,
    inject: [HUB_CONFIG],
    useFactory: (c: ParticipationConfig): AnalyticsArchive => {
      const documents = issuedDocumentsClientFrom('PARTICIPATION_DOCUMENTS_URL', c.PARTICIPATION_DOCUMENTS_URL, serviceCredentialsFrom(c));
      return documents ? new DocumentsAnalyticsArchive(documents) : new UnconfiguredAnalyticsArchive();
    },
  },
];

const SERVICES = [ParticipationLifecycle, ExtensionCertificates, AuditDuty, AnalyticsService, ParticipationMetrics];

/**
 * The context's ports and shared services, global so that the timer and event handlers the
 * platform module instantiates can inject them.
 */
@Global()
@Module({ providers: [...PORTS, ...FEE_PROVIDERS, ...SERVICES], exports: [...PORTS.map((p) => ('provide' in p ? p.provide : p)), ...FEE_EXPORTS, ...SERVICES] })
class ParticipationCoreModule {}

/**
 * The participation context app. `env` replaces process.env (tests); the consumer's topic and
 * group come from it too, so that tests can run against their own topics.
 */
export function participationAppModule(env?: Record<string, string | undefined>): DynamicModule {
  const source = env ?? process.env;
  const registrationTopic = source.HUB_REGISTRATION_TOPIC ?? TOPICS.registration.name;
  const consumerName = source.HUB_REGISTRATION_CONSUMER ?? 'participation.registration-events';

  @Module({
    imports: [
      HubPlatformModule.forRoot({
        name: 'participation',
        title: 'Astana Hub — Participation',
        description:
          "The participant's life from registration to termination: term and extension, membership fees, quarterly reports and non-residents, information requests, audit, notices, monitoring, early termination, analytics (F-21 … F-42).",
        configSchema: participationConfigSchema,
        entities: participationEntities,
        eventMapper: ParticipationIntegrationEvents,
        timerHandlers: TIMER_HANDLERS,
        consumers: [
          {
            name: consumerName,
            topics: [registrationTopic],
            registry: new EventRegistry([...registrationEvents]),
            handlers: [ParticipantRegisteredHandler, ActivityTypesChangedHandler],
          },
          // Issue #10: documents' verified uploads and their attachments (the answers, opinions and notices refer to them by id).
          knownDocumentsConsumer('participation', source.HUB_DOCUMENTS_TOPIC),
        ],
        ...(env ? { env } : {}),
      }),
      ParticipationCoreModule,
      KnownDocumentsModule,
    ],
    controllers: [ParticipationsController, DeadlinesController, FeesController, ReportingController, ObligationsController, MonitoringController],
    providers: [ParticipationQueries, DeadlineQueries, FeeQueries, ReportingQueries, ObligationQueries, MonitoringQueries, ...COMMAND_HANDLERS],
  })
  class ParticipationAppModule {}
  return { module: ParticipationAppModule };
}
