import { Command } from '@nestjs/cqrs';
import type { IsoDate } from '@hub/calendar';
import type { ExpulsionGround } from '../../domain/cohort.aggregate.js';

/** F-44: the Fund opens a cohort of an acceleration service. */
export class OpenCohortCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      readonly serviceId: string;
      readonly title: string;
      readonly town: { readonly katoCode: string; readonly name: string };
      readonly startsOn: IsoDate;
      readonly endsOn: IsoDate;
      readonly capacity: number;
    },
  ) {
    super();
  }
}
/** F-44, F-55: enrol the person of a contracted application. */
export class EnrolCommand extends Command<{ id: string }> {
  constructor(
    readonly cohortId: string,
    readonly input: { readonly applicationId: string; readonly personIin?: string | undefined; readonly enrolledOn: IsoDate },
  ) {
    super();
  }
}
export class ExpelCommand extends Command<void> {
  constructor(
    readonly enrolmentId: string,
    readonly input: { readonly ground: ExpulsionGround; readonly reasons: string; readonly expelledOn: IsoDate },
  ) {
    super();
  }
}
export class CompleteEnrolmentCommand extends Command<void> {
  constructor(
    readonly enrolmentId: string,
    readonly completedOn: IsoDate,
  ) {
    super();
  }
}
