import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { almatyDate } from '@hub/calendar';
import { parseBin, requireHeadOfficeLegalEntity } from '@hub/identifiers';
import { Clock, ConflictError, ForbiddenError, RuleViolationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ActivityTypeCatalogue, selectedActivityTypes } from '../../../domain/activity-type-catalogue.js';
import { Application, type Language } from '../../../domain/application.aggregate.js';
import type { ApplicationKind } from '../../../domain/application-status.js';
import { ApplicationRepository } from '../../ports/application.repository.js';

export interface CreateApplicationInput {
  readonly kind: ApplicationKind;
  readonly bin: string;
  readonly companyName: string;
  readonly address: string;
  readonly language: Language;
}

export class CreateApplicationCommand extends Command<{ id: string; application: Application }> {
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
 * and kind; after a refusal the company may apply again (F-17), and after its participation ended
 * (expired, extension missed, terminated early) it registers anew (F-25 → F-8); while a participation
 * is active a second registration is refused. F-20: an activity-type change is for active
 * participants only, and starts from their current activity types.
 */
@CommandHandler(CreateApplicationCommand)
export class CreateApplicationHandler implements ICommandHandler<CreateApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(ActivityTypeCatalogue) private readonly catalogue: ActivityTypeCatalogue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Returns the created aggregate too: the controller answers from it, without reading it back (issue #17). */
  async execute({ input, actor }: CreateApplicationCommand): Promise<{ id: string; application: Application }> {
    requireHeadOfficeLegalEntity(parseBin(input.bin, 'bin'), 'bin');
    if (!actor.companies.includes(input.bin)) throw new ForbiddenError(`you do not act for the company with BIN ${input.bin}`);
    // Issue #17, ADR 0136: the new draft is the command's only write and records no event — it is
    // written by one insert, without begin/commit (the unique index on open applications still
    // makes a concurrent twin a 409).
    return this.uow.runInsertingOne(Application, async () => {
      // Issue #17: both checks (an open application of this kind? the company's latest participant?) in one statement.
      const { open, latestParticipant: latest } = await this.applications.startingPoint(input.bin, input.kind);
      if (open)
        throw new ConflictError(
          'registration.application.already-open',
          `the company already has an open ${input.kind} application (${open.id}, ${open.status})`,
          { applicationId: open.id },
        );
      const now = this.clock.now();
      const today = almatyDate(now);
      const active = latest?.isActiveOn(today) ? latest : null;
      // F-25 (second part) → F-8: once the participation ended (term expired, extension missed, early
      // termination) the company registers anew; while one is active, F-20 is the path.
      if (input.kind === 'registration' && active)
        throw new ConflictError(
          'registration.already-participant',
          `the company is already a participant (certificate ${active.certificateNumber}, valid to ${active.validTo}); apply for an activity-type change instead (F-20)`,
        );
      if (input.kind === 'activity-change' && !active)
        throw new RuleViolationError('F-20', 'only a participant whose participation is active can apply to change or add activity types');
      const app = Application.create({
        id: uuidv7(now.getTime()),
        ...input,
        participantId: active?.id ?? null,
        activityTypes: active && input.kind === 'activity-change' ? selectedActivityTypes(active.activityTypes, this.catalogue) : [],
        by: actor.subject,
        at: now,
      });
      this.applications.add(app);
      return { id: app.id, application: app };
    });
  }
}
