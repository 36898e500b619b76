import { Module } from '@nestjs/common';
import { kzCalendar } from '@hub/calendar';
import { HUB_CONFIG } from '@hub/nest-commons';
import { referenceData } from '@hub/reference-data';
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
import { CertificateRenderer, CertificateSigner } from './application/ports/certificate.ports.js';
import { RegistrationQueries } from './application/queries/registration.queries.js';
import { RegistrationServices } from './application/registration.services.js';
import { ACTIVITY_TYPE_CATALOGUE, REFERENCE_DATA, REGISTRATION_SETTINGS, WORKING_DAY_CALENDAR } from './application/registration.tokens.js';
import { JsonActivityTypeCatalogue } from './infrastructure/adapters/json-activity-type-catalogue.js';
import { LocalCertificateSigner } from './infrastructure/adapters/local-certificate.signer.js';
import { PdfCertificateRenderer } from './infrastructure/adapters/pdf-certificate.renderer.js';
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

/** The registration context: applications, Commission, certificates, public registry (F-7 … F-20). */
@Module({
  controllers: [ApplicantHttpController, FundOfficerHttpController, CommissionHttpController, PublicRegistryHttpController, ParticipantHttpController],
  providers: [
    { provide: ACTIVITY_TYPE_CATALOGUE, inject: [HUB_CONFIG], useFactory: (c: RegistrationConfig) => new JsonActivityTypeCatalogue(c.REGISTRATION_ACTIVITY_TYPES_FILE) },
    { provide: REFERENCE_DATA, useFactory: () => referenceData() },
    { provide: WORKING_DAY_CALENDAR, useFactory: () => kzCalendar() },
    { provide: REGISTRATION_SETTINGS, inject: [HUB_CONFIG], useFactory: (c: RegistrationConfig) => ({ publicBaseUrl: c.REGISTRATION_PUBLIC_BASE_URL }) },
    { provide: CertificateRenderer, useClass: PdfCertificateRenderer },
    { provide: CertificateSigner, inject: [HUB_CONFIG], useFactory: (c: RegistrationConfig) => new LocalCertificateSigner(c.REGISTRATION_SIGNING_KEY_FILE) },
    DeadlineBook,
    RegistrationServices,
    RegistrationQueries,
    ...REGISTRATION_COMMAND_HANDLERS,
  ],
  exports: [RegistrationServices, RegistrationQueries],
})
export class RegistrationModule {}
