import { Inject, Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  FeeAssessedV1,
  FeeOverdueV1,
  MonitoringNotExpedientV1,
  ParticipationExtendedV1,
  ParticipationStartedV1,
  ParticipationTerminatedV1,
  type PayloadOf,
  ReportOverdueV1,
  ReportSubmittedV1,
  AuditOpinionOwedV1,
  AuditOpinionSubmittedV1,
  ExtensionFiledV1,
  ExtensionRefusedV1,
  FeePaidV1,
  InformationRequestAnsweredV1,
  InformationRequestedV1,
} from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { feeAssessedNotice, feeOverdueNotice } from '../../domain/rules/f-21-fee-notices.rule.js';
import { reportOverdueNotice } from '../../domain/rules/f-37-report-overdue-notice.rule.js';
import { inexpedienceNotice } from '../../domain/rules/f-40-inexpedience-notice.rule.js';
import { FeeReminders } from '../fee-reminders.js';
import { NoticeWriter } from '../notice-writer.js';
import { ObligationReminders } from '../obligation-reminders.js';
import { ReportReminders } from '../report-reminders.js';

/** participation.monitoring-not-expedient v1 → the statutory F-40 notice, in the inbox's transaction. */
@Injectable()
export class MonitoringNotExpedientHandler implements EventHandler<typeof MonitoringNotExpedientV1> {
  readonly event = MonitoringNotExpedientV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof MonitoringNotExpedientV1>>): Promise<void> {
    await this.writer.write(envelope, inexpedienceNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}

/** participation.fee-assessed v1 → the F-21 fee message now, and its reminder armed (ADR 0093), in one transaction. */
@Injectable()
export class FeeAssessedHandler implements EventHandler<typeof FeeAssessedV1> {
  readonly event = FeeAssessedV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(FeeReminders) private readonly reminders: FeeReminders,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof FeeAssessedV1>>): Promise<void> {
    await this.writer.write(envelope, feeAssessedNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
    await this.reminders.arm(envelope.payload, envelope.id);
  }
}

/** participation.fee-overdue v1 → the reminder, if still armed, is cancelled and the overdue message written (F-21, F-28(6)). */
@Injectable()
export class FeeOverdueHandler implements EventHandler<typeof FeeOverdueV1> {
  readonly event = FeeOverdueV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(FeeReminders) private readonly reminders: FeeReminders,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof FeeOverdueV1>>): Promise<void> {
    await this.reminders.cancel(envelope.payload.feeId);
    await this.writer.write(envelope, feeOverdueNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}

/**
 * participation.fee-paid v1 → the F-21 reminder of a fee paid in full is cancelled (ADR 0107): nobody
 * is reminded of a fee already paid. Participation publishes it in the order of the fee's other
 * events (key = BIN), so a fee paid at its declaration is armed by fee-assessed and cancelled here.
 */
@Injectable()
export class FeePaidHandler implements EventHandler<typeof FeePaidV1> {
  readonly event = FeePaidV1;

  constructor(@Inject(FeeReminders) private readonly reminders: FeeReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof FeePaidV1>>): Promise<void> {
    await this.reminders.cancel(envelope.payload.feeId);
  }
}

/** participation.report-overdue v1 → the F-37 overdue-report message (F-28(4)). */
@Injectable()
export class ReportOverdueHandler implements EventHandler<typeof ReportOverdueV1> {
  readonly event = ReportOverdueV1;

  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ReportOverdueV1>>): Promise<void> {
    await this.writer.write(envelope, reportOverdueNotice(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL));
  }
}

/** participation.participation-started v1 → the F-37 report reminder armed for the first report ahead (ADR 0104). */
@Injectable()
export class ParticipationStartedHandler implements EventHandler<typeof ParticipationStartedV1> {
  readonly event = ParticipationStartedV1;

  constructor(
    @Inject(ReportReminders) private readonly reminders: ReportReminders,
    @Inject(ObligationReminders) private readonly obligations: ObligationReminders,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationStartedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.reminders.arm({ participationId: e.participationId, bin: e.bin, from: e.termStart, termEnd: e.termEnd });
    // F-25 (ADR 0105): the extension window's reminder, from the deadline participation published.
    await this.obligations.armExtensionWindow({ participationId: e.participationId, bin: e.bin, termEnd: e.termEnd, extensionDeadline: e.extensionDeadline });
  }
}

/** participation.participation-extended v1 → the F-37 reminders continue to the new end (the live timer re-armed, or the chain restarted). */
@Injectable()
export class ParticipationExtendedHandler implements EventHandler<typeof ParticipationExtendedV1> {
  readonly event = ParticipationExtendedV1;

  constructor(
    @Inject(ReportReminders) private readonly reminders: ReportReminders,
    @Inject(ObligationReminders) private readonly obligations: ObligationReminders,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationExtendedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.reminders.arm({ participationId: e.participationId, bin: e.bin, from: e.previousTermEnd, termEnd: e.newTermEnd });
    // F-25 (ADR 0105): the window of the new term (the event carries no deadline: computed as participation does).
    await this.obligations.armExtensionWindow({ participationId: e.participationId, bin: e.bin, termEnd: e.newTermEnd, extensionDeadline: null });
  }
}

/** participation.participation-terminated v1 → no more report reminders. */
@Injectable()
export class ParticipationTerminatedHandler implements EventHandler<typeof ParticipationTerminatedV1> {
  readonly event = ParticipationTerminatedV1;

  constructor(
    @Inject(ReportReminders) private readonly reminders: ReportReminders,
    @Inject(ObligationReminders) private readonly obligations: ObligationReminders,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>>): Promise<void> {
    await this.reminders.cancel(envelope.payload.participationId);
    await this.obligations.cancel('extension-window', envelope.payload.participationId);
  }
}

/** participation.report-submitted v1 → the quarter is reported: its F-37 reminder is not sent, the next quarter's armed instead (ADR 0105). */
@Injectable()
export class ReportSubmittedHandler implements EventHandler<typeof ReportSubmittedV1> {
  readonly event = ReportSubmittedV1;

  constructor(@Inject(ReportReminders) private readonly reminders: ReportReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ReportSubmittedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.reminders.reported({
      participationId: e.participationId,
      bin: e.bin,
      reportId: e.reportId,
      year: e.year,
      quarter: e.quarter,
      submittedOn: e.submittedOn,
    });
  }
}

/** participation.information-requested v1 → the F-32/F-38 (F-33 audit report) answer reminder armed (ADR 0105). */
@Injectable()
export class InformationRequestedHandler implements EventHandler<typeof InformationRequestedV1> {
  readonly event = InformationRequestedV1;

  constructor(@Inject(ObligationReminders) private readonly obligations: ObligationReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof InformationRequestedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.obligations.arm({
      obligation: 'information-request',
      obligationId: e.requestId,
      participationId: e.participationId,
      bin: e.bin,
      dueDate: e.dueDate,
      kind: e.kind,
      ruleId: e.ruleIds[0],
    });
  }
}

/** participation.information-request-answered v1 → its reminder cancelled (ADR 0105). */
@Injectable()
export class InformationRequestAnsweredHandler implements EventHandler<typeof InformationRequestAnsweredV1> {
  readonly event = InformationRequestAnsweredV1;

  constructor(@Inject(ObligationReminders) private readonly obligations: ObligationReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof InformationRequestAnsweredV1>>): Promise<void> {
    await this.obligations.cancel('information-request', envelope.payload.requestId);
  }
}

/** participation.audit-opinion-owed v1 → the F-33 audit opinion reminder armed (ADR 0105). */
@Injectable()
export class AuditOpinionOwedHandler implements EventHandler<typeof AuditOpinionOwedV1> {
  readonly event = AuditOpinionOwedV1;

  constructor(@Inject(ObligationReminders) private readonly obligations: ObligationReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof AuditOpinionOwedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.obligations.arm({
      obligation: 'audit-opinion',
      obligationId: e.obligationId,
      participationId: e.participationId,
      bin: e.bin,
      dueDate: e.dueDate,
      financialYear: e.financialYear,
    });
  }
}

/** participation.audit-opinion-submitted v1 → its reminder cancelled (ADR 0105). */
@Injectable()
export class AuditOpinionSubmittedHandler implements EventHandler<typeof AuditOpinionSubmittedV1> {
  readonly event = AuditOpinionSubmittedV1;

  constructor(@Inject(ObligationReminders) private readonly obligations: ObligationReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof AuditOpinionSubmittedV1>>): Promise<void> {
    await this.obligations.cancel('audit-opinion', envelope.payload.obligationId);
  }
}

/** participation.extension-filed v1 → the F-25 extension-window reminder cancelled: the company applied (ADR 0105). */
@Injectable()
export class ExtensionFiledHandler implements EventHandler<typeof ExtensionFiledV1> {
  readonly event = ExtensionFiledV1;

  constructor(@Inject(ObligationReminders) private readonly obligations: ObligationReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ExtensionFiledV1>>): Promise<void> {
    await this.obligations.cancel('extension-window', envelope.payload.participationId);
  }
}

/**
 * participation.extension-refused v1 → the F-25 extension-window reminder re-armed for the term the
 * refusal leaves (ADR 0107): while the window is open the company may apply again. When the last day
 * to apply is already too close, nothing is armed (the same rule as at the start).
 */
@Injectable()
export class ExtensionRefusedHandler implements EventHandler<typeof ExtensionRefusedV1> {
  readonly event = ExtensionRefusedV1;

  constructor(@Inject(ObligationReminders) private readonly obligations: ObligationReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ExtensionRefusedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.obligations.armExtensionWindow({ participationId: e.participationId, bin: e.bin, termEnd: e.termEnd, extensionDeadline: null });
  }
}
