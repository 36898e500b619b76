import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FUND_STAFF_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, ConflictError, ForbiddenError, uuidv7 } from '@hub/kernel';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { InventoryRepository } from '../../../inventory/application/ports/inventory.repository.js';
import { HousingParticipantRepository } from '../../../participants/application/ports/participant.repository.js';
import { PremisesLease } from '../../domain/premises-lease.aggregate.js';
import { assertNoOpenRequest } from '../../domain/rules/f57-one-open-request.rule.js';
import { PremisesHandBack } from '../premises-hand-back.js';
import { PremisesLeaseRepository } from '../ports/premises.repository.js';
import { AllocatePremisesCommand, HandBackPremisesCommand, ReleasePremisesCommand, RequestPremisesCommand } from './premises.commands.js';

/** ADR 0053: the documents kind of a premises handover act's scan (apps/documents/data/document-kinds.json), and where documents attaches it. */
export const PREMISES_ACT_DOCUMENT_KIND = 'handover-act';
export const premisesLeaseTarget = (leaseId: string): string => `housing/premises-lease/${leaseId}`;

@CommandHandler(RequestPremisesCommand)
export class RequestPremisesHandler implements ICommandHandler<RequestPremisesCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PremisesLeaseRepository) private readonly leases: PremisesLeaseRepository,
    @Inject(HousingParticipantRepository) private readonly participants: HousingParticipantRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input, actor }: RequestPremisesCommand): Promise<{ id: string }> {
    // F-35: a representative acts only for the companies in its token.
    if (!actor.companies.includes(input.bin)) throw new ForbiddenError(`you do not represent the company ${input.bin}`);
    return this.uow.run(async () => {
      const participant = await this.participants.findByBin(input.bin);
      const lease = PremisesLease.request({
        id: uuidv7(),
        participantId: participant?.participantId ?? '00000000-0000-0000-0000-000000000000',
        bin: input.bin,
        participant,
        premisesKind: input.premisesKind,
        from: input.from,
        until: input.until ?? null,
        at: this.clock.now(),
      });
      // F-57 (ADR 0053 amendment): one open request per company — checked here, guaranteed by the partial unique index.
      assertNoOpenRequest(input.bin, await this.leases.openRequestOf(input.bin));
      this.leases.add(lease);
      await this.leases.flush();
      return { id: lease.id };
    });
  }
}

@CommandHandler(AllocatePremisesCommand)
export class AllocatePremisesHandler implements ICommandHandler<AllocatePremisesCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PremisesLeaseRepository) private readonly leases: PremisesLeaseRepository,
    @Inject(InventoryRepository) private readonly inventory: InventoryRepository,
    @Inject(PremisesHandBack) private readonly handBack: PremisesHandBack,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute(c: AllocatePremisesCommand): Promise<void> {
    return this.uow.run(async () => {
      const lease = await this.leases.get(c.leaseId);
      const unit = await this.inventory.unit(c.unitId);
      if (!unit.isInServiceOn(lease.startsOn)) throw new ConflictError('out-of-service', 'the premises are out of service on the first day of use');
      lease.allocate(unit, this.handBack.due, this.clock.now());
      await this.leases.flush();
      await this.handBack.arm(lease); // ADR 0053: due after the term's last day unless released earlier
    });
  }
}

@CommandHandler(ReleasePremisesCommand)
export class ReleasePremisesHandler implements ICommandHandler<ReleasePremisesCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PremisesLeaseRepository) private readonly leases: PremisesLeaseRepository,
    @Inject(PremisesHandBack) private readonly handBack: PremisesHandBack,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute(c: ReleasePremisesCommand): Promise<void> {
    return this.uow.run(async () => {
      const lease = await this.leases.get(c.leaseId);
      if (!hasAnyRole(c.actor, FUND_STAFF_ROLES) && !c.actor.companies.includes(lease.bin)) throw new ForbiddenError('you do not represent this company');
      lease.release(c.from, 'request', this.handBack.due, this.clock.now());
      await this.handBack.arm(lease); // ADR 0053: the act is due within 2 WD after the last day of use
    });
  }
}

@CommandHandler(HandBackPremisesCommand)
export class HandBackPremisesHandler implements ICommandHandler<HandBackPremisesCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PremisesLeaseRepository) private readonly leases: PremisesLeaseRepository,
    @Inject(PremisesHandBack) private readonly handBack: PremisesHandBack,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute(c: HandBackPremisesCommand): Promise<void> {
    return this.uow.run(async () => {
      const lease = await this.leases.get(c.leaseId);
      // ADR 0053: the scan is the participant's verified handover act, not attached elsewhere (422 naming documentId).
      if (c.act.documentId)
        await this.documents.assertReferences(
          lease.bin,
          [{ path: 'documentId', documentId: c.act.documentId, kind: PREMISES_ACT_DOCUMENT_KIND, ruleId: 'F-58' }],
          premisesLeaseTarget(lease.id),
        );
      lease.handBack({ ...c.act, signedBy: c.actor.subject }, this.clock.now());
      await this.handBack.disarm(lease);
    });
  }
}

export const premisesCommandHandlers = [RequestPremisesHandler, AllocatePremisesHandler, ReleasePremisesHandler, HandBackPremisesHandler];
