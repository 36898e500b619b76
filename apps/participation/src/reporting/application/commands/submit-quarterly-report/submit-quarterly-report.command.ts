import { Command } from '@nestjs/cqrs';
import type { Actor, NonResidents } from '@hub/contracts';
import { type QuarterlyReport, type ReportIndicators } from '../../../domain/quarterly-report.aggregate.js';

export class SubmitQuarterlyReportCommand extends Command<QuarterlyReport> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly year: number,
    readonly quarter: number,
    readonly input: { resultsAnalysis: string; indicators: ReportIndicators; nonResidents: NonResidents },
  ) {
    super();
  }
}
