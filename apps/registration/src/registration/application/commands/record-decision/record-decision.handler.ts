import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ActivityTypesChangedV1, DecisionMadeV1, type Actor } from '@hub/contracts';
import type { RefusalGround, Vote } from '../../../domain/application.aggregate.js';
import { ParticipantRowSchema } from '../../../infrastructure/registration.schemas.js';
import { RegistrationServices } from '../../registration.services.js';

export class RecordDecisionCommand extends Command<{ protocolNumber: string }> {
  constructor(
    readonly id: string,
    readonly decision: { decision: Vote; grounds: { ground: RefusalGround; reason: string }[] },
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * F-15, F-16, F-20: the Commission secretary records the decision as a protocol (numbered, with
 * every member's vote). The decision deadline is met, the F-17 notification deadline starts. An
 * approved activity-type change takes effect on the participant at once (ActivityTypesChanged).
 */
@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  constructor(@Inject(RegistrationServices) private readonly r: RegistrationServices) {}

  async execute({ id, decision, actor }: RecordDecisionCommand): Promise<{ protocolNumber: string }> {
    return this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      const now = this.r.clock.now();
      const decidedOn = this.r.today();
      const protocolNumber = await this.r.nextNumber(em, 'registration_protocol_seq', 'CP');
      app.decide({ ...decision, protocolNumber, decidedOn }, actor.subject, now);
      await repo.save(app);
      await this.r.deadlines.close(em, app.id, app.kind === 'registration' ? 'commission-decision' : 'activity-change-decision');
      const notice = await this.r.deadlines.open(em, app, 'decision-notification');
      await this.r.outbox.add(
        em,
        DecisionMadeV1,
        app.id,
        { applicationId: app.id, bin: app.bin, kind: app.kind, decision: decision.decision, grounds: decision.grounds.map((g) => g.ground), protocolNumber, decidedOn, notificationDueDate: notice.dueDate },
        { key: app.bin },
      );
      if (app.kind === 'activity-change' && decision.decision === 'register') {
        const participant = await em.findOneOrFail(ParticipantRowSchema, { id: app.participantId! });
        const before = participant.activityTypes.map((t) => t.code);
        const after = this.r.describeActivityTypes(app.activityTypes);
        participant.activityTypes = after;
        participant.updatedAt = now;
        await em.flush();
        await this.r.outbox.add(
          em,
          ActivityTypesChangedV1,
          participant.id,
          {
            participantId: participant.id,
            applicationId: app.id,
            bin: app.bin,
            activityTypes: after,
            added: after.map((t) => t.code).filter((c) => !before.includes(c)),
            removed: before.filter((c) => !after.some((t) => t.code === c)),
            effectiveFrom: decidedOn,
          },
          { key: app.bin },
        );
      }
      return { protocolNumber };
    });
  }
}
