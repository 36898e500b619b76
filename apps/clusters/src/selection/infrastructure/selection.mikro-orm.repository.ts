import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ApplicationRepository, CommissionVoteRepository, RoundRepository, SelectionReadModel } from '../application/ports/selection.ports.js';
import type { CommissionVote } from '../domain/commission-vote.js';
import type { SelectionApplication } from '../domain/application.aggregate.js';
import type { SelectionRound } from '../domain/round.aggregate.js';
import { CommissionVoteSchema, SelectionApplicationSchema, SelectionRoundSchema } from './selection.schema.js';

@Injectable()
export class MikroOrmRoundRepository extends RoundRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<SelectionRound> {
    const r = await this.uow.em().findOne(SelectionRoundSchema, { id });
    if (!r) throw new NotFoundError('round', id);
    return r;
  }
  async getForUpdate(id: string): Promise<SelectionRound> {
    const r = await this.uow.em().findOne(SelectionRoundSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!r) throw new NotFoundError('round', id);
    return r;
  }
  add(round: SelectionRound): void {
    this.uow.em().persist(round);
  }
}

@Injectable()
export class MikroOrmApplicationRepository extends ApplicationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string, options: { fresh?: boolean } = {}): Promise<SelectionApplication> {
    const a = await this.uow.em().findOne(SelectionApplicationSchema, { id }, options.fresh ? { refresh: true } : {});
    if (!a) throw new NotFoundError('application', id);
    return a;
  }
  countActiveOf(roundId: string, bin: string): Promise<number> {
    return this.uow.em().count(SelectionApplicationSchema, { roundId, bin, status: { $ne: 'withdrawn' } });
  }
  ofRound(roundId: string): Promise<SelectionApplication[]> {
    return this.uow.em().find(SelectionApplicationSchema, { roundId });
  }
  add(application: SelectionApplication): void {
    this.uow.em().persist(application);
  }
}

@Injectable()
export class MikroOrmCommissionVoteRepository extends CommissionVoteRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  ofRound(roundId: string): Promise<CommissionVote[]> {
    return this.uow.em().find(CommissionVoteSchema, { roundId }, { orderBy: { castAt: 'asc', id: 'asc' } });
  }
  async insert(vote: CommissionVote): Promise<void> {
    await this.uow.em().persist(vote).flush();
  }
}

/** Reads on a fresh EntityManager fork (no transaction). */
@Injectable()
export class MikroOrmSelectionReadModel extends SelectionReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  rounds(): Promise<SelectionRound[]> {
    return this.uow.reader().find(SelectionRoundSchema, {}, { orderBy: { announcedAt: 'desc', id: 'desc' }, limit: 500 });
  }
  round(id: string): Promise<SelectionRound | null> {
    return this.uow.reader().findOne(SelectionRoundSchema, { id });
  }
  application(id: string): Promise<SelectionApplication | null> {
    return this.uow.reader().findOne(SelectionApplicationSchema, { id });
  }
  applications(filter: { roundId?: string; bins?: readonly string[]; atInstitute?: boolean }): Promise<SelectionApplication[]> {
    return this.uow.reader().find(
      SelectionApplicationSchema,
      {
        ...(filter.roundId ? { roundId: filter.roundId } : {}),
        ...(filter.bins ? { bin: { $in: [...filter.bins] } } : {}),
        ...(filter.atInstitute ? { sentToInstituteAt: { $ne: null } } : {}),
      },
      { orderBy: { filedAt: 'desc', id: 'desc' }, limit: 500 },
    );
  }
  openComplianceChecks(): Promise<SelectionApplication[]> {
    return this.uow.reader().find(SelectionApplicationSchema, { status: 'filed' }, { orderBy: { complianceDueOn: 'asc', id: 'asc' }, limit: 1000 });
  }
  openInstituteTransfers(): Promise<SelectionApplication[]> {
    return this.uow
      .reader()
      .find(
        SelectionApplicationSchema,
        { status: 'compliant', sentToInstituteAt: null, instituteDueOn: { $ne: null } },
        { orderBy: { instituteDueOn: 'asc', id: 'asc' }, limit: 1000 },
      );
  }
  openExpertStages(): Promise<SelectionRound[]> {
    return this.uow
      .reader()
      .find(
        SelectionRoundSchema,
        { status: 'announced', opinionsDueOn: { $ne: null }, opinionsAtCommission: null },
        { orderBy: { opinionsDueOn: 'asc', id: 'asc' }, limit: 500 },
      );
  }
  awaitingPublication(): Promise<SelectionRound[]> {
    return this.uow.reader().find(SelectionRoundSchema, { status: 'winners-decided' }, { orderBy: { publicationDueOn: 'asc', id: 'asc' }, limit: 500 });
  }
  votes(roundId: string): Promise<CommissionVote[]> {
    return this.uow.reader().find(CommissionVoteSchema, { roundId }, { orderBy: { castAt: 'asc', id: 'asc' } });
  }
}
