import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { parseBin, requireHeadOfficeLegalEntity } from '@hub/identifiers';
import { Clock, ConflictError, ForbiddenError, RuleViolationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ActivityTypeCatalogue, selectedActivityTypes } from '../../../domain/activity-type-catalogue.js';
import { Application, type Language } from '../../../domain/application.aggregate.js';
import type { ApplicationKind } from '../../../domain/application-status.js';
import { ApplicationRepository } from '../../ports/application.repository.js';
import { ParticipantRepository } from '../../ports/participant.repository.js';

export interface CreateApplicationInput {
  readonly kind: ApplicationKind;
  readonly bin: string;
  readonly companyName: string;
  readonly address: string;
  readonly language: Language;
}

export class CreateApplicationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: CreateApplicationInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * F-8: a company representative starts a draft. The BIN must be a valid legal-entity head office
 * BIN (F-7(1), F-7(2)) of a company the caller acts for (F-35). One open application per company
 * and kind; after a refusal the company may apply again (F-17). F-20: an activity-type change is
 * for registered participants only, and starts from their current activity types.
 */
@CommandHandler(CreateApplicationCommand)
export class CreateApplicationHandler implements ICommandHandler<CreateApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(ActivityTypeCatalogue) private readonly catalogue: ActivityTypeCatalogue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: CreateApplicationCommand): Promise<{ id: string }> {
    requireHeadOfficeLegalEntity(parseBin(input.bin, 'bin'), 'bin');
    if (!actor.companies.includes(input.bin)) throw new ForbiddenError(`you do not act for the company with BIN ${input.bin}`);
    return this.uow.run(async () => {
      const open = await this.applications.findOpen(input.bin, input.kind);
      if (open)
        throw new ConflictError(
          'registration.application.already-open',
          `the company already has an open ${input.kind} application (${open.id}, ${open.status})`,
          { applicationId: open.id },
        );
      const participant = await this.participants.findByBin(input.bin);
      if (input.kind === 'registration' && participant)
        throw new ConflictError(
          'registration.already-participant',
          `the company is already a participant (certificate ${participant.certificateNumber}); apply for an activity-type change instead (F-20)`,
        );
      if (input.kind === 'activity-change' && !participant)
        throw new RuleViolationError('F-20', 'only a registered participant can apply to change or add activity types');
      const now = this.clock.now();
      const app = Application.create({
        id: uuidv7(now.getTime()),
        ...input,
        participantId: participant?.id ?? null,
        activityTypes: participant ? selectedActivityTypes(participant.activityTypes, this.catalogue) : [],
        by: actor.subject,
        at: now,
      });
      this.applications.add(app);
      return { id: app.id };
    });
  }
}
