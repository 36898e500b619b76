import type { ActivityType, TerminationGround } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import type { IsoDate } from '../../shared/domain/calendar.js';

/** What every participation event says about the company (the mapper needs no database read). */
interface ParticipationFacts extends DomainEvent {
  readonly participantId: string;
  readonly bin: string;
}

/** F-24: the participation started for the term the Fund set. */
export interface ParticipationStarted extends ParticipationFacts {
  readonly name: 'ParticipationStarted';
  readonly companyName: string;
  readonly activityTypes: readonly ActivityType[];
  readonly certificateNumber: string;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
  /** F-25, null while the calendar of that year is not loaded. */
  readonly extensionDeadline: IsoDate | null;
}

/** F-20: the activity types followed registration's change. Internal. */
export interface ActivityTypesReplaced extends ParticipationFacts {
  readonly name: 'ActivityTypesReplaced';
  readonly activityTypes: readonly ActivityType[];
}

/** F-25: an approved extension moved the planned end; an Annex 3 certificate was issued. */
export interface ParticipationExtended extends ParticipationFacts {
  readonly name: 'ParticipationExtended';
  readonly extensionId: string;
  readonly previousTermEnd: IsoDate;
  readonly newTermEnd: IsoDate;
  readonly certificateNumber: string;
  readonly issuedOn: IsoDate;
}

/** F-26 … F-30: the participation ended, as planned (F-27) or early on one of the seven grounds (F-28). */
export interface ParticipationTerminated extends ParticipationFacts {
  readonly name: 'ParticipationTerminated';
  readonly kind: 'planned' | 'early';
  readonly ground: TerminationGround;
  readonly decidedBy: 'term' | 'fund' | 'commission' | 'participant';
  readonly decisionReference: string | null;
  readonly endedOn: IsoDate;
  readonly ruleIds: readonly string[];
}

export type ParticipationEvent = ParticipationStarted | ActivityTypesReplaced | ParticipationExtended | ParticipationTerminated;
