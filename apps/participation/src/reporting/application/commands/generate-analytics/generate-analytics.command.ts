import { Command } from '@nestjs/cqrs';
import type { AnalyticsReport } from '../../../domain/analytics-report.js';

export class GenerateAnalyticsCommand extends Command<AnalyticsReport> {
  constructor(
    readonly year: number,
    readonly quarter: number,
  ) {
    super();
  }
}
