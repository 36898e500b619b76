import {
  EventRegistry,
  FeeAssessedV1,
  FeeOverdueV1,
  MonitoringNotExpedientV1,
  ParticipationExtendedV1,
  ParticipationStartedV1,
  ParticipationTerminatedV1,
  ReportOverdueV1,
  ReportSubmittedV1,
  InformationRequestedV1,
  InformationRequestAnsweredV1,
  AuditOpinionOwedV1,
  AuditOpinionSubmittedV1,
  ExtensionFiledV1,
  ExtensionRefusedV1,
  FeePaidV1,
  TOPICS,
} from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  FeeAssessedHandler,
  FeeOverdueHandler,
  MonitoringNotExpedientHandler,
  ParticipationExtendedHandler,
  ParticipationStartedHandler,
  ParticipationTerminatedHandler,
  ReportOverdueHandler,
  ReportSubmittedHandler,
  InformationRequestedHandler,
  InformationRequestAnsweredHandler,
  AuditOpinionOwedHandler,
  AuditOpinionSubmittedHandler,
  ExtensionFiledHandler,
  ExtensionRefusedHandler,
  FeePaidHandler,
} from '../../application/event-handlers/participation.handlers.js';

/**
 * Notifications's consumer of participation's events: the F-40 notice (statutory), the F-21 fee
 * messages and reminders, the F-37 overdue report (ADR 0093), the F-37 reminders armed, moved on by a
 * submitted report and stopped (ADR 0104, 0105), the F-32/F-38, F-33 and F-25 reminders armed and
 * cancelled (ADR 0105); a paid fee's reminder cancelled and a refused extension's window reminder
 * re-armed (ADR 0107). Other types on the topic are skipped.
 */
export const PARTICIPATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.participation-events',
  topics: [TOPICS.participation.name],
  registry: new EventRegistry([
    MonitoringNotExpedientV1,
    FeeAssessedV1,
    FeeOverdueV1,
    FeePaidV1,
    ReportOverdueV1,
    ReportSubmittedV1,
    InformationRequestedV1,
    InformationRequestAnsweredV1,
    AuditOpinionOwedV1,
    AuditOpinionSubmittedV1,
    ExtensionFiledV1,
    ExtensionRefusedV1,
    ParticipationStartedV1,
    ParticipationExtendedV1,
    ParticipationTerminatedV1,
  ]),
  handlers: [
    MonitoringNotExpedientHandler,
    FeeAssessedHandler,
    FeeOverdueHandler,
    FeePaidHandler,
    ReportOverdueHandler,
    ReportSubmittedHandler,
    InformationRequestedHandler,
    InformationRequestAnsweredHandler,
    AuditOpinionOwedHandler,
    AuditOpinionSubmittedHandler,
    ExtensionFiledHandler,
    ExtensionRefusedHandler,
    ParticipationStartedHandler,
    ParticipationExtendedHandler,
    ParticipationTerminatedHandler,
  ],
};
