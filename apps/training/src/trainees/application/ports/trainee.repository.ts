import type { PiiAccess, Trainee } from '../../domain/trainee.js';

/** Port: the trainees of the applications (F-76) and the log of reads of their personal data (F-42); inside a unit of work. */
export abstract class TraineeRepository {
  /** Removes the application's current list at once (before the new one is added). */
  abstract clear(applicationId: string): Promise<void>;
  /** Whether any of these blind indexes is already listed in the intake by another application. */
  abstract listedElsewhere(intakeId: string, applicationId: string, iinIndexes: readonly string[]): Promise<number>;
  abstract add(trainee: Trainee): void;
  abstract ofApplication(applicationId: string): Promise<Trainee[]>;
  abstract logAccess(access: PiiAccess): void;
}
