import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate, type IsoDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ProviderApplicationRepository } from '../../intakes/application/ports/intakes.ports.js';
import { Notice } from '../../intakes/domain/notice.js';
import { CONTRACT_DUE_TIMER, DECISION_NOTICE_DUE_TIMER } from './commission.commands.js';

/** F-74: the training officer sends the applicant the decision — admission with quotas, or the reasoned refusal. */
export class SendDecisionNoticeCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(SendDecisionNoticeCommand)
export class SendDecisionNoticeHandler implements ICommandHandler<SendDecisionNoticeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, actor }: SendDecisionNoticeCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const a = await this.applications.get(applicationId);
      a.sendDecisionNotice(today, now);
      const text =
        a.status === 'admitted'
          ? `The Independent Commission admitted the application on ${a.decidedOn} with ${a.quotas} quotas (F-72, F-73). The contract is to be signed by ${a.contractDueOn} (F-75).`
          : `The Independent Commission refused the application on ${a.decidedOn}: ${a.refusalReasons.join('; ')} (F-72, F-74).`;
      this.applications.addNotice(
        Notice.send({ id: uuidv7(), applicationId, bin: a.bin, kind: 'decision', ruleId: 'F-74', text, sentOn: today, at: now, sentBy: actor.subject }),
      );
      await this.timers.cancel(em, DECISION_NOTICE_DUE_TIMER, applicationId);
    });
  }
}

/** F-75: the Fund records the signed training-participation contract of an admitted application. */
export class SignContractCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly input: { number: string; signedOn: IsoDate; documentId: string },
  ) {
    super();
  }
}

@CommandHandler(SignContractCommand)
export class SignContractHandler implements ICommandHandler<SignContractCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ applicationId, input }: SignContractCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const a = await this.applications.get(applicationId);
      a.signContract({ ...input, at: this.clock.now() });
      await this.timers.cancel(em, CONTRACT_DUE_TIMER, applicationId);
    });
  }
}
