import { Global, Module } from '@nestjs/common';
import {
  AppointCommissionMemberHandler,
  CastVoteHandler,
  DecideIntakeHandler,
  DeclareConflictsHandler,
  SchedulePresentationHandler,
} from './application/commission.commands.js';
import { CommissionAgendaPublisher } from './application/commission-agenda.publisher.js';
import { CommissionRepository } from './application/ports/commission.ports.js';
import { SendDecisionNoticeHandler, SignContractHandler } from './application/decision-follow-up.commands.js';
import { commissionProviders } from './infrastructure/commission.mikro-orm.js';
import { CommissionQueries } from './infrastructure/commission.queries.js';
import { CommissionHttpController } from './interface/http/commission.http.controller.js';

/**
 * The Independent Commission (F-69, F-72), the quota mechanism (F-73), the notice (F-74) and the contract (F-75).
 * Global: the completeness review (intakes) publishes the agenda when an application comes before the Commission (ADR 0138).
 */
@Global()
@Module({
  controllers: [CommissionHttpController],
  providers: [
    ...commissionProviders,
    CommissionQueries,
    CommissionAgendaPublisher,
    AppointCommissionMemberHandler,
    DeclareConflictsHandler,
    SchedulePresentationHandler,
    CastVoteHandler,
    DecideIntakeHandler,
    SendDecisionNoticeHandler,
    SignContractHandler,
  ],
  exports: [CommissionAgendaPublisher, CommissionRepository],
})
export class CommissionModule {}
