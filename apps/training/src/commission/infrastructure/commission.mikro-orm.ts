import { Inject, Injectable, type Provider } from '@nestjs/common';
import { UnitOfWork } from '@hub/nest-commons';
import type { CommissionMember } from '../domain/commission-member.js';
import type { CommissionVote } from '../domain/vote.js';
import type { CommissionDecision } from '../domain/commission-decision.js';
import { CommissionRepository } from '../application/ports/commission.ports.js';
import { CommissionDecisionSchema, CommissionMemberSchema, CommissionVoteSchema } from './commission.schema.js';

@Injectable()
export class MikroOrmCommissionRepository extends CommissionRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  members(intakeId: string): Promise<CommissionMember[]> {
    return this.uow.em().find(CommissionMemberSchema, { intakeId }, { orderBy: { appointedAt: 'asc', id: 'asc' } });
  }
  memberBySubject(intakeId: string, subject: string): Promise<CommissionMember | null> {
    return this.uow.em().findOne(CommissionMemberSchema, { intakeId, subject });
  }
  addMember(member: CommissionMember): void {
    this.uow.em().persist(member);
  }
  votes(intakeId: string): Promise<CommissionVote[]> {
    return this.uow.em().find(CommissionVoteSchema, { intakeId }, { orderBy: { castAt: 'asc', id: 'asc' } });
  }
  addVote(vote: CommissionVote): void {
    this.uow.em().persist(vote);
  }
  decision(intakeId: string): Promise<CommissionDecision | null> {
    return this.uow.em().findOne(CommissionDecisionSchema, { intakeId });
  }
  addDecision(decision: CommissionDecision): void {
    this.uow.em().persist(decision);
  }
}

export const commissionProviders: Provider[] = [{ provide: CommissionRepository, useClass: MikroOrmCommissionRepository }];
