import { Global, Module } from '@nestjs/common';
import { AnnounceRoundHandler } from './application/commands/announce-round.js';
import {
  ChangeApplicationHandler,
  CheckComplianceHandler,
  FileApplicationHandler,
  WithdrawApplicationHandler,
} from './application/commands/application-commands.js';
import {
  GiveComparativeAssessmentHandler,
  GiveOpinionHandler,
  HandOpinionsToOrganiserHandler,
  PutBeforeCommissionHandler,
  SendToInstituteHandler,
} from './application/commands/expert-stage-commands.js';
import { CastVoteHandler, FormCommissionHandler } from './application/commands/commission-commands.js';
import { PublishResultsHandler, RecordProtocolHandler } from './application/commands/results-commands.js';
import { ApplicationRepository, CommissionVoteRepository, RoundRepository, SelectionReadModel } from './application/ports/selection.ports.js';
import { CommissionAgendaPublisher } from './application/commission-agenda.publisher.js';
import { SelectionQueries } from './application/queries/selection.queries.js';
import {
  MikroOrmApplicationRepository,
  MikroOrmCommissionVoteRepository,
  MikroOrmRoundRepository,
  MikroOrmSelectionReadModel,
} from './infrastructure/selection.mikro-orm.repository.js';
import { selectionProviders } from './infrastructure/selection.providers.js';
import { SelectionHttpController } from './interface/http/selection.http.controller.js';

/**
 * The selection module (rounds and applications, C-3 … C-12). Global because the platform
 * instantiates the timer handlers in its own module: they find the ports through these exports.
 */
@Global()
@Module({
  controllers: [SelectionHttpController],
  providers: [
    ...selectionProviders,
    { provide: RoundRepository, useClass: MikroOrmRoundRepository },
    { provide: ApplicationRepository, useClass: MikroOrmApplicationRepository },
    { provide: SelectionReadModel, useClass: MikroOrmSelectionReadModel },
    { provide: CommissionVoteRepository, useClass: MikroOrmCommissionVoteRepository },
    SelectionQueries,
    CommissionAgendaPublisher,
    AnnounceRoundHandler,
    FileApplicationHandler,
    ChangeApplicationHandler,
    WithdrawApplicationHandler,
    CheckComplianceHandler,
    RecordProtocolHandler,
    PublishResultsHandler,
    SendToInstituteHandler,
    GiveOpinionHandler,
    GiveComparativeAssessmentHandler,
    HandOpinionsToOrganiserHandler,
    PutBeforeCommissionHandler,
    FormCommissionHandler,
    CastVoteHandler,
  ],
  exports: [RoundRepository, ApplicationRepository, SelectionQueries],
})
export class SelectionModule {}
