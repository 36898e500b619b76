import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@hub/nest-commons';
import type { AnalyticsReport } from '../../../domain/analytics-report.js';
import { AnalyticsService } from '../../analytics.service.js';
import { GenerateAnalyticsCommand } from './generate-analytics.command.js';

/** F-41: (re)generates a quarter's analytical information on demand (the timer does it by itself). */
@CommandHandler(GenerateAnalyticsCommand)
export class GenerateAnalyticsHandler implements ICommandHandler<GenerateAnalyticsCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AnalyticsService) private readonly analytics: AnalyticsService,
  ) {}

  execute(c: GenerateAnalyticsCommand): Promise<AnalyticsReport> {
    return this.uow.run((em) => this.analytics.generate(em, c.year, c.quarter));
  }
}
