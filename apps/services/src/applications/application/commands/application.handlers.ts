import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IsoDate, almatyDate, endOfAlmatyDay } from '@hub/calendar';
import { validateBin, validateIin } from '@hub/identifiers';
import { Clock, ForbiddenError, RuleViolationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { PiiCipher } from '@hub/pii';
import { CatalogueRepository } from '../../../catalogue/application/ports/catalogue.repository.js';
import type { CatalogueService } from '../../../catalogue/domain/service.aggregate.js';
import { priceOnContractDay } from '../../../catalogue/domain/rules/price-for-recipient.rule.js';
import { ServicesParticipationRepository } from '../../../participants/application/ports/participant.repository.js';
import { WorkingDays } from '../../../shared/application/ports/working-days.js';
import { ServiceApplication, type RecipientKind } from '../../domain/service-application.aggregate.js';
import { assertApplicant } from '../access.js';
import { ServiceApplicationRepository } from '../ports/application.repository.js';
import { RecipientPseudonyms } from '../ports/recipient-pseudonyms.js';
import { REVIEW_DUE_TIMER } from '../timers/review-due.timer-handler.js';
import {
  DecideApplicationCommand,
  FileApplicationCommand,
  IssueRemarksCommand,
  ResubmitApplicationCommand,
  RecordTranslationCommand,
  SignContractCommand,
  type RecipientInput,
} from './application.commands.js';

/** F-43: a participants-only service goes to a legal entity that is an active participant on the day. */
async function assertEligible(service: CatalogueService, kind: RecipientKind, id: string, participant: boolean): Promise<void> {
  if (service.eligibility === 'participants-only' && (kind !== 'legal-entity' || !participant)) {
    throw new RuleViolationError('F-43', `the service ${service.code} is for active Astana Hub participants only; ${id} is not one today`, {
      serviceId: service.id,
    });
  }
}

/** F-43: who receives the service. An individual's IIN is checked here and never kept with the application (F-42, ADR 0069). */
function recipientOf(
  r: RecipientInput,
  actor: { subject: string; companies: readonly string[] },
): { kind: 'legal-entity'; id: string } | { kind: 'individual'; iin: string } {
  if (r.kind === 'legal-entity') {
    const bin = validateBin(r.bin, 'recipient.bin');
    if (!bin.ok) throw bin.error;
    if (!actor.companies.includes(r.bin)) throw new ForbiddenError(`you do not represent the company ${r.bin}`);
    return { kind: 'legal-entity', id: r.bin };
  }
  const iin = validateIin(r.iin, 'recipient.iin');
  if (!iin.ok) throw iin.error;
  return { kind: 'individual', iin: r.iin };
}

@CommandHandler(FileApplicationCommand)
export class FileApplicationHandler implements ICommandHandler<FileApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(ServicesParticipationRepository) private readonly participations: ServicesParticipationRepository,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(RecipientPseudonyms) private readonly pseudonyms: RecipientPseudonyms,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: FileApplicationCommand): Promise<{ id: string }> {
    const named = recipientOf(input.recipient, actor);
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const call = await this.catalogue.getCall(input.callId);
      call.assertAcceptsApplicationsOn(today); // F-47: a late application is refused, nothing stored
      const service = await this.catalogue.getService(call.serviceId);
      // F-42 (ADR 0069): an individual is named by a pseudonym from here on — in the row, the events and the Kafka key
      const recipient: { kind: RecipientKind; id: string } =
        named.kind === 'legal-entity' ? named : { kind: 'individual', id: await this.pseudonyms.pseudonymOf(named.iin) };
      const participant = recipient.kind === 'legal-entity' && (await this.participations.isActiveParticipant(recipient.id, today));
      await assertEligible(service, recipient.kind, recipient.id, participant);
      const application = ServiceApplication.file({
        id: uuidv7(),
        callId: call.id,
        serviceId: service.id,
        recipientKind: recipient.kind,
        recipientId: recipient.id,
        filedBy: actor.subject,
        participant,
        language: input.language,
        declarationAccepted: input.declarationAccepted,
        content: input.content,
        requiredSections: service.requiredSections,
        reviewDueOn: this.workingDays.add(today, call.reviewWorkingDays),
        at: now,
      });
      this.applications.add(application);
      await this.scheduleReview(em, application.id, application.reviewDueOn);
      return { id: application.id };
    });
  }

  private scheduleReview(em: Parameters<Timers['schedule']>[0], id: string, due: IsoDate): Promise<void> {
    return this.timers.schedule(em, { kind: REVIEW_DUE_TIMER, key: id, dueAt: endOfAlmatyDay(due), payload: { applicationId: id } });
  }
}

@CommandHandler(IssueRemarksCommand)
export class IssueRemarksHandler implements ICommandHandler<IssueRemarksCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ id, remarks }: IssueRemarksCommand): Promise<void> {
    return this.uow.run(async (em) => {
      (await this.applications.get(id)).issueRemarks(remarks, this.clock.now());
      await this.timers.cancel(em, REVIEW_DUE_TIMER, id); // the Fund acted; the clock restarts on resubmission
    });
  }
}

@CommandHandler(ResubmitApplicationCommand)
export class ResubmitApplicationHandler implements ICommandHandler<ResubmitApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ id, content, actor }: ResubmitApplicationCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const application = await this.applications.get(id);
      assertApplicant(actor, application);
      const call = await this.catalogue.getCall(application.callId);
      const service = await this.catalogue.getService(application.serviceId);
      const due = this.workingDays.add(almatyDate(now), call.reviewWorkingDays);
      application.resubmit(content, service.requiredSections, due, now);
      await this.timers.schedule(em, { kind: REVIEW_DUE_TIMER, key: id, dueAt: endOfAlmatyDay(due), payload: { applicationId: id } });
    });
  }
}

@CommandHandler(DecideApplicationCommand)
export class DecideApplicationHandler implements ICommandHandler<DecideApplicationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(ServicesParticipationRepository) private readonly participations: ServicesParticipationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ id, decision }: DecideApplicationCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const application = await this.applications.get(id);
      if (decision.outcome === 'refuse') {
        application.refuse(decision.ground, decision.reasons, now);
      } else {
        // F-43 again at the decision: a participation that ended since filing no longer qualifies (ADR 0062).
        const service = await this.catalogue.getService(application.serviceId);
        const participant =
          application.recipientKind === 'legal-entity' && (await this.participations.isActiveParticipant(application.recipientId, almatyDate(now)));
        await assertEligible(service, application.recipientKind, application.recipientId, participant);
        application.approve(now);
      }
      await this.timers.cancel(em, REVIEW_DUE_TIMER, id);
    });
  }
}

@CommandHandler(SignContractCommand)
export class SignContractHandler implements ICommandHandler<SignContractCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(ServicesParticipationRepository) private readonly participations: ServicesParticipationRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ id, payerName }: SignContractCommand): Promise<{ contractId: string }> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const application = await this.applications.get(id);
      const service = await this.catalogue.getService(application.serviceId);
      const participant = application.recipientKind === 'legal-entity' && (await this.participations.isActiveParticipant(application.recipientId, today));
      await assertEligible(service, application.recipientKind, application.recipientId, participant);
      const price = priceOnContractDay(await this.catalogue.priceListOf(service.id), today, participant); // F-56: fixed now
      const contractId = uuidv7();
      // ADR 0123: the payer's name is kept for the invoice only, encrypted and bound to this application (F-42).
      application.signContract(contractId, price, today, now, payerName === undefined ? null : this.cipher.encrypt(payerName, application.id));
      return { contractId };
    });
  }
}

/** F-49: one transaction — the application's translation recorded by the officer. */
@CommandHandler(RecordTranslationCommand)
export class RecordTranslationHandler implements ICommandHandler<RecordTranslationCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ServiceApplicationRepository) private readonly applications: ServiceApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ id, body, actor }: RecordTranslationCommand): Promise<void> {
    return this.uow.run(async () => {
      (await this.applications.get(id)).recordTranslation(body.targetLanguage, body.documentRef, actor.subject, this.clock.now());
    });
  }
}
