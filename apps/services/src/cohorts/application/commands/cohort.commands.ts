import type { IsoDate } from '@hub/calendar';
import type { ExpulsionGround, Town } from '../../domain/cohort.types.js';

export class OpenCohortCommand {
  constructor(readonly input: { serviceId: string; title: string; town: Town; startsOn: IsoDate; endsOn: IsoDate; capacity: number }) {}
}
export class EnrolPersonCommand {
  constructor(
    readonly cohortId: string,
    readonly input: { applicationId: string; personIin: string },
  ) {}
}
export class ExpelPersonCommand {
  constructor(
    readonly cohortId: string,
    readonly enrolmentId: string,
    readonly input: { ground: ExpulsionGround; reasons: string },
  ) {}
}
export class CompleteEnrolmentCommand {
  constructor(
    readonly cohortId: string,
    readonly enrolmentId: string,
  ) {}
}
