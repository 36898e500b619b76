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
} from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import { feeAssessedNotice, feeOverdueNotice } from '../../domain/rules/f-21-fee-notices.rule.js';
import { reportOverdueNotice } from '../../domain/rules/f-37-report-overdue-notice.rule.js';
import { inexpedienceNotice } from '../../domain/rules/f-40-inexpedience-notice.rule.js';
import { FeeReminders } from '../fee-reminders.js';
import { NoticeWriter } from '../notice-writer.js';
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

  constructor(@Inject(ReportReminders) private readonly reminders: ReportReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationStartedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.reminders.arm({ participationId: e.participationId, bin: e.bin, from: e.termStart, termEnd: e.termEnd });
  }
}

/** participation.participation-extended v1 → the F-37 reminders continue to the new end (the live timer re-armed, or the chain restarted). */
@Injectable()
export class ParticipationExtendedHandler implements EventHandler<typeof ParticipationExtendedV1> {
  readonly event = ParticipationExtendedV1;

  constructor(@Inject(ReportReminders) private readonly reminders: ReportReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationExtendedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.reminders.arm({ participationId: e.participationId, bin: e.bin, from: e.previousTermEnd, termEnd: e.newTermEnd });
  }
}

/** participation.participation-terminated v1 → no more report reminders. */
@Injectable()
export class ParticipationTerminatedHandler implements EventHandler<typeof ParticipationTerminatedV1> {
  readonly event = ParticipationTerminatedV1;

  constructor(@Inject(ReportReminders) private readonly reminders: ReportReminders) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>>): Promise<void> {
    await this.reminders.cancel(envelope.payload.participationId);
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
