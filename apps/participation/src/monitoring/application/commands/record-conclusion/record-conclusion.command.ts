import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type MonitoringConclusion } from '../../../domain/monitoring-conclusion.js';

export class RecordConclusionCommand extends Command<MonitoringConclusion> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly input: { project: string; periodFrom: string; periodTo: string; conclusion: 'expedient' | 'not-expedient'; reasoning: string },
  ) {
    super();
  }
}
