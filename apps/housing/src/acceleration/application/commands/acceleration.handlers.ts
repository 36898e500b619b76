import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate } from '@hub/calendar';
import { hasAnyRole } from '@hub/contracts';
import { Clock, ConflictError, ForbiddenError, ValidationError, uuidv7 } from '@hub/kernel';
import { MessageContexts, Timers } from '@hub/messaging';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { PiiCipher } from '@hub/pii';
import { HousingCase } from '../../domain/housing-case.aggregate.js';
import { HousingF42Retention } from '../f42-retention.js';
import { OFFER_ACCEPTANCE_TIMER, PlaceOffering, VACATE_DUE_TIMER } from '../place-offering.js';
import { AccelerationRepository } from '../ports/acceleration.repository.js';
import { FundOwner } from '../../../shared/application/ports/fund-owner.js';
import {
  AcceptOfferCommand,
  CheckInCommand,
  DeclineOfferCommand,
  HandOverCommand,
  OfferNextCommand,
  OfferPlaceCommand,
  ReadResidentDataCommand,
  RequestHousingCommand,
} from './acceleration.commands.js';

/** Who may read residents' personal data besides the person (F-42): housing staff only. */
export const RESIDENT_DATA_STAFF = ['housing-manager'] as const;

@CommandHandler(RequestHousingCommand)
export class RequestHousingHandler implements ICommandHandler<RequestHousingCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(PlaceOffering) private readonly offering: PlaceOffering,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async execute({ input, actor }: RequestHousingCommand): Promise<{ id: string }> {
    const created = await this.uow.run(async () => {
      const now = this.clock.now();
      const found = await this.repo.enrolment(input.enrolmentId);
      // F-59 and F-42: the enrolment counts only for the person whose IIN it carries (matched by the blind index).
      const enrolment = found && found.iinIndex === this.cipher.blindIndex(input.iin) ? found : null;
      if (enrolment && (await this.repo.liveCaseOf(enrolment.enrolmentId)))
        throw new ConflictError('duplicate', 'this enrolment already has a housing request');
      const id = uuidv7();
      const c = HousingCase.request({
        id,
        enrolment,
        personSubject: actor.subject,
        iinCipher: this.cipher.encrypt(input.iin, id),
        contactsCipher: this.cipher.encrypt(JSON.stringify(input.contacts), id),
        declaration: input.declaration,
        today: almatyDate(now),
        at: now,
      });
      this.repo.addCase(c);
      return { id, town: c.townKatoCode };
    });
    // F-62: a free bed goes to the first eligible person of the list (not necessarily this one).
    await this.offering.offerNextAfterCommit(created.town);
    return { id: created.id };
  }
}

@CommandHandler(OfferPlaceCommand)
export class OfferPlaceHandler implements ICommandHandler<OfferPlaceCommand> {
  constructor(@Inject(PlaceOffering) private readonly offering: PlaceOffering) {}
  async execute({ input }: OfferPlaceCommand): Promise<{ id: string }> {
    return { id: await this.offering.offerPlace(input.caseId, input.unitId, input.bed) };
  }
}

@CommandHandler(OfferNextCommand)
export class OfferNextHandler implements ICommandHandler<OfferNextCommand> {
  constructor(@Inject(PlaceOffering) private readonly offering: PlaceOffering) {}
  async execute({ townKatoCode }: OfferNextCommand): Promise<{ offers: string[] }> {
    return { offers: await this.offering.offerNext(townKatoCode) };
  }
}

@CommandHandler(AcceptOfferCommand)
export class AcceptOfferHandler implements ICommandHandler<AcceptOfferCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute(c: AcceptOfferCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const allocation = await this.repo.allocation(c.allocationId);
      const housingCase = await this.repo.case(allocation.caseId);
      allocation.accept({
        personSubject: c.actor.subject,
        acceptsDuties: c.acceptsDuties,
        today: almatyDate(now),
        cohortEndsOn: housingCase.cohortEndsOn,
        at: now,
      });
      housingCase.housed(now);
      await this.timers.cancel(em, OFFER_ACCEPTANCE_TIMER, allocation.id);
    });
  }
}

@CommandHandler(DeclineOfferCommand)
export class DeclineOfferHandler implements ICommandHandler<DeclineOfferCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(PlaceOffering) private readonly offering: PlaceOffering,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async execute(c: DeclineOfferCommand): Promise<void> {
    const town = await this.uow.run(async (em) => {
      const now = this.clock.now();
      const allocation = await this.repo.allocation(c.allocationId);
      allocation.decline(c.actor.subject, now);
      (await this.repo.case(allocation.caseId)).offerEnded('declined', now);
      await this.timers.cancel(em, OFFER_ACCEPTANCE_TIMER, allocation.id);
      return allocation.townKatoCode;
    });
    await this.offering.offerNextAfterCommit(town); // F-62
  }
}

/** ADR 0110: the kind of document a dwelling act's scan is — the Fund's own, restricted (data/document-kinds.json of documents). */
export const DWELLING_ACT_DOCUMENT_KIND = 'dwelling-act';
export const allocationTarget = (allocationId: string): string => `housing/allocation/${allocationId}`;

/**
 * ADR 0110: the scan an act names is the Fund's verified dwelling-act document (housing's copy of
 * documents' facts, not a hash the client claims), not attached to another allocation — else 422
 * naming `documentId`. Without the Fund's BIN configured no scan can be named.
 */
async function assertDwellingActScan(documents: KnownDocuments, fund: FundOwner, allocationId: string, documentId: string | undefined | null, ruleId: string) {
  if (!documentId) return;
  if (!fund.bin)
    throw ValidationError.field(
      'documentId',
      `${ruleId}: the Fund's BIN (HUB_FUND_BIN) is not configured here, so no scan can be named; sign the act without it`,
    );
  await documents.assertReferences(fund.bin, [{ path: 'documentId', documentId, kind: DWELLING_ACT_DOCUMENT_KIND, ruleId }], allocationTarget(allocationId));
}

@CommandHandler(CheckInCommand)
export class CheckInHandler implements ICommandHandler<CheckInCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(FundOwner) private readonly fund: FundOwner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute(c: CheckInCommand): Promise<void> {
    return this.uow.run(async () => {
      const allocation = await this.repo.allocation(c.allocationId);
      await assertDwellingActScan(this.documents, this.fund, allocation.id, c.act.documentId, 'F-60');
      allocation.checkIn({ ...c.act, signedBy: c.actor.subject }, this.clock.now());
    });
  }
}

@CommandHandler(HandOverCommand)
export class HandOverHandler implements ICommandHandler<HandOverCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(PlaceOffering) private readonly offering: PlaceOffering,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(FundOwner) private readonly fund: FundOwner,
    @Inject(HousingF42Retention) private readonly retention: HousingF42Retention,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async execute(c: HandOverCommand): Promise<{ offers: string[] }> {
    const town = await this.uow.run(async (em) => {
      const now = this.clock.now();
      const allocation = await this.repo.allocation(c.allocationId);
      await assertDwellingActScan(this.documents, this.fund, allocation.id, c.act.documentId, 'F-61');
      allocation.handOver({ ...c.act, signedBy: c.actor.subject }, now);
      (await this.repo.case(allocation.caseId)).left(now);
      await this.timers.cancel(em, VACATE_DUE_TIMER, allocation.id);
      // F-42 (ADR 0124): the housing contract ended with the act — the retention counts from the later end
      await this.retention.purposeEnded(allocation.enrolmentId, c.act.signedOn);
      return allocation.townKatoCode;
    });
    // F-62: the vacated dwelling goes to the next eligible person.
    return { offers: await this.offering.offerNextAfterCommit(town) };
  }
}

@CommandHandler(ReadResidentDataCommand)
export class ReadResidentDataHandler implements ICommandHandler<ReadResidentDataCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AccelerationRepository) private readonly repo: AccelerationRepository,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute(c: ReadResidentDataCommand): Promise<{ iin: string; contacts: { phone: string; email?: string } }> {
    return this.uow.run(async () => {
      const housingCase = await this.repo.case(c.caseId);
      if (!hasAnyRole(c.actor, RESIDENT_DATA_STAFF) && c.actor.subject !== housingCase.personSubject)
        throw new ForbiddenError('residents’ personal data is for housing staff and the person (F-42)');
      if (housingCase.personalDataPurgedOn !== null)
        // F-42 (ADR 0124): deleted at the end of its retention — say so, never answer an empty value as if none was given.
        throw new ConflictError(
          'housing-request.personal-data-purged',
          `the personal data of this housing request was deleted on ${housingCase.personalDataPurgedOn} at the end of its retention (F-42); the request keeps its dates and status`,
          { purgedOn: housingCase.personalDataPurgedOn },
        );
      this.repo.logPiiRead({
        id: uuidv7(),
        actorSubject: c.actor.subject,
        actorRoles: [...c.actor.roles],
        caseId: housingCase.id,
        correlationId: MessageContexts.current()?.correlationId ?? null,
        accessedAt: this.clock.now(),
      });
      return {
        iin: this.cipher.decrypt(housingCase.iinCipher, housingCase.id),
        contacts: JSON.parse(this.cipher.decrypt(housingCase.contactsCipher, housingCase.id)) as { phone: string; email?: string },
      };
    });
  }
}

export const accelerationCommandHandlers = [
  RequestHousingHandler,
  OfferPlaceHandler,
  OfferNextHandler,
  AcceptOfferHandler,
  DeclineOfferHandler,
  CheckInHandler,
  HandOverHandler,
  ReadResidentDataHandler,
];
