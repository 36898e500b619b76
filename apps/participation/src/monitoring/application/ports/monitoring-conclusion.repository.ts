import type { MonitoringConclusion } from '../../domain/monitoring-conclusion.js';

/** Monitoring conclusions (F-36, F-40), in the current unit of work. */
export abstract class MonitoringConclusionRepository {
  abstract findFor(participationId: string, project: string, periodFrom: string, periodTo: string): Promise<MonitoringConclusion | null>;
  abstract add(conclusion: MonitoringConclusion): void;
}
