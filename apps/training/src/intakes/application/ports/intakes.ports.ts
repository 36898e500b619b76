import type { IsoDate } from '@hub/calendar';
import type { Intake } from '../../domain/intake.aggregate.js';
import type { ProviderApplication } from '../../domain/provider-application.aggregate.js';

/** Port (ADR 0035 §4): intakes and provider applications for the use cases; works inside a unit of work. */
export abstract class IntakeRepository {
  /** The intake, or NotFoundError (404). */
  abstract get(id: string): Promise<Intake>;
  abstract add(intake: Intake): void;
}
export abstract class ProviderApplicationRepository {
  abstract get(id: string): Promise<ProviderApplication>;
  abstract add(application: ProviderApplication): void;
}
/** Port: whether a company is an active Astana Hub participant on a day (the local read model of participation's events, F-77, ADR 0062). */
export abstract class ParticipationStatus {
  abstract isActiveOn(bin: string, day: IsoDate): Promise<boolean>;
}
/** Port: the Republic of Kazakhstan's working-day calendar (@hub/calendar). */
export abstract class WorkingDays {
  abstract add(date: IsoDate, n: number): IsoDate;
}
/** Port: the effective-dated parameters of data/training-rules.json. */
export interface TrainingParameters {
  readonly effectiveFrom: IsoDate;
  readonly completenessReviewWorkingDays: number;
  readonly source: string;
}
export abstract class TrainingParametersSource {
  abstract on(date: IsoDate): TrainingParameters;
}
