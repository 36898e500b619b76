import { Inject, Injectable } from '@nestjs/common';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { IsoDate } from '@hub/calendar';
import { ConflictError, NotFoundError } from '@hub/kernel';
import type { DeadlineView } from '../../acceleration/application/ports/acceleration.read-model.js';
import { KnownDocument, UnitOfWork } from '@hub/nest-commons';
import { PremisesLeaseReadModel, PremisesLeaseRepository, type PremisesLeaseView, type PremisesScanView } from '../application/ports/premises.repository.js';
import type { PremisesLease } from '../domain/premises-lease.aggregate.js';
import { openRequestConflict } from '../domain/rules/f57-one-open-request.rule.js';
import { PremisesLeaseSchema } from './premises.schema.js';

/** ADR 0053: the kind of the scan of the act handing premises back (the company's document). */
const HANDOVER_ACT = 'handover-act';

/** The partial unique index of Migration20261207020000_one_open_premises_request. */
const ONE_OPEN_REQUEST_INDEX = 'housing_premises_lease_one_open_request';

@Injectable()
export class MikroOrmPremisesLeaseRepository extends PremisesLeaseRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<PremisesLease> {
    const l = await this.uow.em().findOne(PremisesLeaseSchema, { id });
    if (!l) throw new NotFoundError('premises lease', id);
    return l;
  }
  liveOf(participantId: string): Promise<PremisesLease[]> {
    return this.uow.em().find(PremisesLeaseSchema, { participantId, status: { $in: ['requested', 'allocated'] } });
  }
  async openRequestOf(bin: string): Promise<string | null> {
    const open = await this.uow.em().findOne(PremisesLeaseSchema, { bin, status: 'requested' }, { fields: ['id'] });
    return open?.id ?? null;
  }
  add(lease: PremisesLease): void {
    this.uow.em().persist(lease);
  }
  async flush(): Promise<void> {
    try {
      await this.uow.em().flush();
    } catch (e) {
      // 23P01 exclusion_violation (ADR 0059): the platform maps only unique violations to 409.
      if (e instanceof DriverException && (e as DriverException & { code?: string }).code === '23P01')
        throw new ConflictError('place-taken', 'these premises are already let for an overlapping period');
      // F-57 (ADR 0053 amendment): the partial unique index decided a race between two requests of one company.
      if (e instanceof UniqueConstraintViolationException && e.message.includes(ONE_OPEN_REQUEST_INDEX)) throw openRequestConflict(null, null);
      throw e;
    }
  }
}

const view = (l: PremisesLease): PremisesLeaseView => ({
  id: l.id,
  participantId: l.participantId,
  bin: l.bin,
  premisesKind: l.premisesKind,
  unitId: l.unitId,
  status: l.status,
  startsOn: l.startsOn,
  endsOn: l.endsOn,
  releaseReason: l.releaseReason,
  handBackBy: l.handBackBy,
  handBackOverdue: l.handBackOverdue,
  handoverAct: l.handoverAct,
});

@Injectable()
export class MikroOrmPremisesLeaseReadModel extends PremisesLeaseReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async find(id: string): Promise<PremisesLeaseView | null> {
    const l = await this.uow.reader().findOne(PremisesLeaseSchema, { id });
    return l ? view(l) : null;
  }
  async list(filter: { bins?: readonly string[] }): Promise<PremisesLeaseView[]> {
    const rows = await this.uow
      .reader()
      .find(PremisesLeaseSchema, filter.bins ? { bin: { $in: [...filter.bins] } } : {}, { orderBy: { requestedAt: 'desc', id: 'desc' }, limit: 500 });
    return rows.map(view);
  }
  async scans(lease: PremisesLeaseView): Promise<PremisesScanView[]> {
    const target = `housing/premises-lease/${lease.id}`;
    const named = (lease.handoverAct as { documentId?: string | null } | null)?.documentId ?? null;
    const rows = await this.uow.reader().find(
      KnownDocument,
      {
        bin: lease.bin,
        $or: [{ attachedTo: target }, ...(named ? [{ id: named }] : []), { kind: HANDOVER_ACT, attachedTo: null }],
      },
      { orderBy: { verifiedAt: 'desc', id: 'desc' }, limit: 100 },
    );
    const state = (d: KnownDocument): PremisesScanView['state'] => (d.attachedTo === target ? 'attached' : d.id === named ? 'named' : 'available');
    const rank = { attached: 0, named: 1, available: 2 } as const;
    return rows
      .map((d) => ({ documentId: d.id, kind: d.kind, sha256: d.sha256, verifiedAt: d.verifiedAt.toISOString(), state: state(d) }))
      .sort((a, b) => rank[a.state] - rank[b.state]);
  }
  async handBackDeadlines(today: IsoDate): Promise<DeadlineView[]> {
    const rows = await this.uow.reader().find(PremisesLeaseSchema, {
      handBackBy: { $ne: null },
      $or: [{ status: 'handover-due' }, { status: 'allocated', endsOn: { $lt: today } }],
    });
    return rows.map((l) => ({
      kind: 'premises-hand-back',
      ruleId: 'F-58',
      dueDate: l.handBackBy!,
      overdue: l.handBackOverdue || today > l.handBackBy!,
      subjectId: l.id,
      status: 'open',
      unitId: l.unitId!,
      bed: '*',
      bin: l.bin,
    }));
  }
}
