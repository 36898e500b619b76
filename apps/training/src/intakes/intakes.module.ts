import { Global, Module } from '@nestjs/common';
import { AnnounceIntakeHandler, FileProviderApplicationHandler } from './application/intakes.commands.js';
import { FixRemarksHandler, IssueRemarksHandler, ReviewCompletenessHandler } from './application/review.commands.js';
import { IntakesQueries } from './infrastructure/intakes.queries.js';
import { IntakeRepository, ParticipationStatus, ProviderApplicationRepository, TrainingThresholds, WorkingDays } from './application/ports/intakes.ports.js';
import { intakeProviders } from './infrastructure/intakes.mikro-orm.js';
import { IntakesHttpController } from './interface/http/intakes.http.controller.js';

/** Intakes and provider applications (F-64 … F-68, F-77). Global: the platform's timer handlers find the repository through its exports. */
@Global()
@Module({
  controllers: [IntakesHttpController],
  providers: [
    ...intakeProviders,
    IntakesQueries,
    AnnounceIntakeHandler,
    FileProviderApplicationHandler,
    ReviewCompletenessHandler,
    IssueRemarksHandler,
    FixRemarksHandler,
  ],
  exports: [ProviderApplicationRepository, IntakeRepository, ParticipationStatus, WorkingDays, TrainingThresholds, IntakesQueries],
})
export class IntakesModule {}
