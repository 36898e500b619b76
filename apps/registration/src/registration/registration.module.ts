import { Global, Module } from '@nestjs/common';
import { HUB_CONFIG, KnownDocumentsModule, issuedDocumentsClientFrom, serviceCredentialsFrom } from '@hub/nest-commons';
import type { RegistrationConfig } from '../config.js';
import { CastVoteHandler } from './application/commands/cast-vote/cast-vote.handler.js';
import { CompleteTranslationHandler } from './application/commands/complete-translation/complete-translation.handler.js';
import { CreateApplicationHandler } from './application/commands/create-application/create-application.handler.js';
import { EditApplicationHandler } from './application/commands/edit-application/edit-application.handler.js';
import { IssueCertificateHandler } from './application/commands/issue-certificate/issue-certificate.handler.js';
import { IssueRemarksHandler } from './application/commands/issue-remarks/issue-remarks.handler.js';
import { ListInRegistryHandler } from './application/commands/list-in-registry/list-in-registry.handler.js';
import { RecordDecisionHandler } from './application/commands/record-decision/record-decision.handler.js';
import { RecordNotificationHandler } from './application/commands/record-notification/record-notification.handler.js';
import { ReportAddressChangeHandler } from './application/commands/report-address-change/report-address-change.handler.js';
import { ResubmitApplicationHandler } from './application/commands/resubmit-application/resubmit-application.handler.js';
import { SendToCommissionHandler } from './application/commands/send-to-commission/send-to-commission.handler.js';
import { SignContractHandler } from './application/commands/sign-contract/sign-contract.handler.js';
import { SubmitApplicationHandler } from './application/commands/submit-application/submit-application.handler.js';
import { DeadlineBook } from './application/deadline-book.js';
import { DocumentReferences } from './application/document-references.js';
import { EligibilityCheck } from './application/eligibility-check.js';
import { ApplicationRepository } from './application/ports/application.repository.js';
import { CertificateArchiveRecords, CertificateRenderer, CertificateSigner, IssuedCertificates } from './application/ports/certificate.ports.js';
import { DocumentsIssuedDocumentArchive, UnconfiguredIssuedDocumentArchive } from './infrastructure/adapters/documents-issued-document.archive.js';
import { IssuedDocumentArchive } from './application/ports/issued-document-archive.port.js';
import { ProtocolArchiveRecords, ProtocolRenderer } from './application/ports/protocol-archive.port.js';
import { DeadlinePolicy } from './application/ports/deadline-policy.port.js';
import { DeadlineRepository } from './application/ports/deadline.repository.js';
import { NumberSequences } from './application/ports/numbering.port.js';
import { ParticipantRepository } from './application/ports/participant.repository.js';
import { ReferenceValues } from './application/ports/reference-values.port.js';
import { RegistrationSettings } from './application/ports/registration-settings.port.js';
import { TranslationTaskRepository } from './application/ports/translation-task.repository.js';
import { ActivityTypeCatalogue } from './domain/activity-type-catalogue.js';
import { JsonActivityTypeCatalogue } from './infrastructure/adapters/json-activity-type-catalogue.js';
import { LocalCertificateSigner } from './infrastructure/adapters/local-certificate.signer.js';
import { PdfCertificateRenderer } from './infrastructure/adapters/pdf-certificate.renderer.js';
import { PdfProtocolRenderer } from './infrastructure/adapters/pdf-protocol.renderer.js';
import { KzWorkingDayDeadlinePolicy, PackageReferenceValues } from './infrastructure/adapters/reference-adapters.js';
import { RegistrationQueries } from './infrastructure/queries/registration.queries.js';
import { RegistrationMetrics } from './infrastructure/registration.metrics.js';
import {
  MikroOrmApplicationRepository,
  MikroOrmDeadlineRepository,
  MikroOrmIssuedCertificates,
  MikroOrmParticipantRepository,
  MikroOrmTranslationTaskRepository,
  PostgresCertificateArchiveRecords,
  PostgresProtocolArchiveRecords,
  PostgresNumberSequences,
} from './infrastructure/registration.mikro-orm.repositories.js';
import { ApplicantHttpController } from './interface/http/applicant.http.controller.js';
import { CommissionHttpController } from './interface/http/commission.http.controller.js';
import { ParticipantHttpController } from './interface/http/participant.http.controller.js';
import { FundOfficerHttpController } from './interface/http/fund-officer.http.controller.js';
import { PublicRegistryHttpController } from './interface/http/public-registry.http.controller.js';

export const REGISTRATION_COMMAND_HANDLERS = [
  CreateApplicationHandler,
  EditApplicationHandler,
  SubmitApplicationHandler,
  ResubmitApplicationHandler,
  IssueRemarksHandler,
  SendToCommissionHandler,
  CastVoteHandler,
  RecordDecisionHandler,
  RecordNotificationHandler,
  SignContractHandler,
  IssueCertificateHandler,
  ListInRegistryHandler,
  CompleteTranslationHandler,
  ReportAddressChangeHandler,
];

/**
 * The registration context: applications, Commission, certificates, public registry (F-7 … F-20).
 * Each port (application/ports, the domain's ActivityTypeCatalogue) is bound to its adapter here.
 * Global, so that the platform can build the deadline timer handler and the participation-events
 * and notifications-events consumers' handlers (app.module.ts) with the ports they inject.
 */
@Global()
@Module({
  // Issue #10 (ADR 0049): the verified uploads an application refers to, one local copy shared by every context.
  imports: [KnownDocumentsModule],
  controllers: [ApplicantHttpController, FundOfficerHttpController, CommissionHttpController, PublicRegistryHttpController, ParticipantHttpController],
  providers: [
    {
      provide: ActivityTypeCatalogue,
      inject: [HUB_CONFIG],
      useFactory: (c: RegistrationConfig) => new JsonActivityTypeCatalogue(c.REGISTRATION_ACTIVITY_TYPES_FILE),
    },
    { provide: ReferenceValues, useFactory: () => new PackageReferenceValues() },
    { provide: DeadlinePolicy, inject: [ReferenceValues], useFactory: (r: ReferenceValues) => new KzWorkingDayDeadlinePolicy(r) },
    {
      provide: RegistrationSettings,
      inject: [HUB_CONFIG],
      useFactory: (c: RegistrationConfig): RegistrationSettings => ({ publicBaseUrl: c.REGISTRATION_PUBLIC_BASE_URL }),
    },
    { provide: CertificateRenderer, useClass: PdfCertificateRenderer },
    { provide: ProtocolRenderer, useClass: PdfProtocolRenderer },
    { provide: CertificateSigner, inject: [HUB_CONFIG], useFactory: (c: RegistrationConfig) => new LocalCertificateSigner(c.REGISTRATION_SIGNING_KEY_FILE) },
    { provide: ApplicationRepository, useClass: MikroOrmApplicationRepository },
    { provide: ParticipantRepository, useClass: MikroOrmParticipantRepository },
    { provide: DeadlineRepository, useClass: MikroOrmDeadlineRepository },
    { provide: TranslationTaskRepository, useClass: MikroOrmTranslationTaskRepository },
    { provide: IssuedCertificates, useClass: MikroOrmIssuedCertificates },
    { provide: NumberSequences, useClass: PostgresNumberSequences },
    { provide: CertificateArchiveRecords, useClass: PostgresCertificateArchiveRecords },
    { provide: ProtocolArchiveRecords, useClass: PostgresProtocolArchiveRecords },
    {
      // ADR 0106: registration archives its certificates and protocols as itself (client credentials), through the gateway.
      provide: IssuedDocumentArchive,
      inject: [HUB_CONFIG],
      useFactory: (c: RegistrationConfig): IssuedDocumentArchive => {
        const documents = issuedDocumentsClientFrom('REGISTRATION_DOCUMENTS_URL', c.REGISTRATION_DOCUMENTS_URL, serviceCredentialsFrom(c));
        return documents ? new DocumentsIssuedDocumentArchive(documents) : new UnconfiguredIssuedDocumentArchive();
      },
    },
    DeadlineBook,
    DocumentReferences,
    EligibilityCheck,
    RegistrationQueries,
    RegistrationMetrics,
    ...REGISTRATION_COMMAND_HANDLERS,
  ],
  exports: [
    IssuedDocumentArchive,
    CertificateArchiveRecords,
    ProtocolArchiveRecords,
    ProtocolRenderer,
    DeadlineRepository,
    DeadlineBook,
    ApplicationRepository,
    ParticipantRepository,
    RegistrationQueries,
    ActivityTypeCatalogue,
  ],
})
export class RegistrationModule {}
