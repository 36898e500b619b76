import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { EarlyTerminationRepository } from '../application/ports/early-termination.repository.js';
import { ExtensionRepository } from '../application/ports/extension.repository.js';
import { ParticipationRepository } from '../application/ports/participation.repository.js';
import { TerminationBasisReader } from '../application/ports/termination-basis.reader.js';
import { EarlyTermination } from '../domain/early-termination.aggregate.js';
import { Extension } from '../domain/extension.aggregate.js';
import { Participation } from '../domain/participation.aggregate.js';
import type { TerminationBasis } from '../domain/rules/early-termination-basis.rule.js';
import { FLUSH_FIRST } from '../../shared/infrastructure/flush-first.js';

@Injectable()
export class MikroOrmParticipationRepository extends ParticipationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<Participation> {
    const p = await this.uow.em().findOne(Participation, { id }, FLUSH_FIRST);
    if (!p) throw new NotFoundError('participation', id);
    return p;
  }

  findByParticipant(participantId: string): Promise<Participation | null> {
    return this.uow.em().findOne(Participation, { participantId }, FLUSH_FIRST);
  }

  add(participation: Participation): void {
    this.uow.em().persist(participation);
  }
}

@Injectable()
export class MikroOrmExtensionRepository extends ExtensionRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(participationId: string, id: string): Promise<Extension> {
    const e = await this.uow.em().findOne(Extension, { id, participationId }, FLUSH_FIRST);
    if (!e) throw new NotFoundError('extension', id);
    return e;
  }

  findPending(participationId: string): Promise<Extension | null> {
    return this.uow.em().findOne(Extension, { participationId, status: 'submitted' }, FLUSH_FIRST);
  }

  add(extension: Extension): void {
    this.uow.em().persist(extension);
  }
}

@Injectable()
export class MikroOrmEarlyTerminationRepository extends EarlyTerminationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<EarlyTermination> {
    const c = await this.uow.em().findOne(EarlyTermination, { id }, FLUSH_FIRST);
    if (!c) throw new NotFoundError('early-termination', id);
    return c;
  }

  findOpen(participationId: string): Promise<EarlyTermination | null> {
    return this.uow.em().findOne(EarlyTermination, { participationId, status: { $in: ['pending-commission', 'scheduled'] } }, FLUSH_FIRST);
  }

  add(kase: EarlyTermination): void {
    this.uow.em().persist(kase);
  }
}

/** One query over the tables a ground may rest on, kept to the participation (a basis of another company never counts). */
@Injectable()
export class SqlTerminationBasisReader extends TerminationBasisReader {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async find(participationId: string, basisId: string): Promise<TerminationBasis | null> {
    const [row] = await sql<{ kind: TerminationBasis['kind']; value: string; detail: string | null }>(
      this.uow.em(),
      `select 'monitoring-conclusion' as kind, conclusion as value, null as detail from monitoring_conclusion where id = ? and participation_id = ?
       union all select 'quarterly-report', status, null from quarterly_report where id = ? and participation_id = ?
       union all select 'information-request', status, kind from information_request where id = ? and participation_id = ?
       union all select 'corporate-notice', kind, null from corporate_notice where id = ? and participation_id = ?
       union all select 'membership-fee', status, null from membership_fee where id = ? and participation_id = ?
       union all select 'audit-obligation', status, null from audit_obligation where id = ? and participation_id = ?`,
      Array.from({ length: 6 }, () => [basisId, participationId]).flat(),
    );
    if (!row) return null;
    switch (row.kind) {
      case 'monitoring-conclusion':
        return { kind: row.kind, conclusion: row.value as 'expedient' | 'not-expedient' };
      case 'corporate-notice':
        return { kind: row.kind, noticeKind: row.value as 're-registration' | 'liquidation' };
      case 'information-request':
        return { kind: row.kind, status: row.value, informationKind: row.detail ?? '' };
      case 'quarterly-report':
      case 'membership-fee':
      case 'audit-obligation':
        return { kind: row.kind, status: row.value };
    }
  }
}
