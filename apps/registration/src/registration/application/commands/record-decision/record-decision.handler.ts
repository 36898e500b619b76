import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ActivityTypeCatalogue, describeActivityTypes } from '../../../domain/activity-type-catalogue.js';
import type { RefusalGround, Vote } from '../../../domain/application.aggregate.js';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';
import { NumberSequences, documentNumber } from '../../ports/numbering.port.js';
import { ParticipantRepository } from '../../ports/participant.repository.js';
import { scheduleProtocolArchive } from '../../timers/protocol-archive.timer-handler.js';

export class RecordDecisionCommand extends Command<{ protocolNumber: string }> {
  constructor(
    readonly id: string,
    readonly decision: { decision: Vote; grounds: { ground: RefusalGround; reason: string }[]; decidedOn?: string | undefined },
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * F-15, F-16, F-20: the Commission secretary records the decision as a protocol (numbered, with
 * every member's vote) on the protocol's date. The decision deadline is met, the F-17 notification
 * deadline starts from that date (5 WD from the decision, not from the recording). An
 * approved activity-type change takes effect on the participant at once (ActivityTypesChanged).
 * The protocol is archived as a PDF in the documents context afterwards (issue #10).
 */
@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(NumberSequences) private readonly numbers: NumberSequences,
    @Inject(ActivityTypeCatalogue) private readonly catalogue: ActivityTypeCatalogue,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Timers) private readonly timers: Timers,
  ) {}

  async execute({ id, decision, actor }: RecordDecisionCommand): Promise<{ protocolNumber: string }> {
    return this.uow.run(async () => {
      const app = await this.applications.get(id);
      const now = this.clock.now();
      // F-17: the protocol's date, not the day it is recorded (today when the secretary gives none).
      const decidedOn = decision.decidedOn ?? almatyDate(now);
      const protocolNumber = documentNumber('CP', decidedOn, await this.numbers.next('protocol'));
      app.decide(
        {
          decision: decision.decision,
          grounds: decision.grounds,
          protocolNumber,
          decidedOn,
          notificationDueDate: this.deadlines.dueDate('decision-notification', decidedOn),
        },
        actor.subject,
        now,
      );
      await this.deadlines.close(app.id, app.kind === 'registration' ? 'commission-decision' : 'activity-change-decision');
      await this.deadlines.open(app, 'decision-notification', decidedOn);
      if (app.approvesActivityChange) {
        const participant = await this.participants.get(app.participantId!);
        participant.changeActivityTypes(describeActivityTypes(app.activityTypes, this.catalogue), app.id, decidedOn, now);
      }
      // Issue #10: the protocol's copy in the Fund's archive is owed from this transaction on (durable timer, due at once).
      await scheduleProtocolArchive(this.timers, this.uow.em(), protocolNumber, now);
      return { protocolNumber };
    });
  }
}
