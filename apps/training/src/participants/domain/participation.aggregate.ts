import { type IsoDate, compareIsoDates } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';
import { AggregateRoot } from '@hub/kernel';

/** This context's copy of participation's facts changed (internal: participation already published them). */
export interface TrainingParticipationEvent extends DomainEvent {
  readonly name: 'ParticipationRecorded' | 'ParticipationEndRecorded';
  readonly bin: string;
}

/**
 * A participation as training knows it — a local read model of participation's
 * participation-started / participation-terminated (ADR 0062, as apps/services does): enough to tell
 * whether a BIN is an *active* Astana Hub participant on a day (F-77). Active from termStart until
 * the day before endedOn; until a termination arrives it stays active (an in-time extension holds
 * the planned end, ADR 0050).
 */
export class TrainingParticipation extends AggregateRoot<TrainingParticipationEvent> {
  readonly participationId!: string;
  readonly participantId!: string;
  readonly bin!: string;
  readonly termStart!: IsoDate;
  readonly termEnd!: IsoDate;
  readonly endedOn!: IsoDate | null;
  readonly endGround!: string | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static started(input: {
    participationId: string;
    participantId: string;
    bin: string;
    termStart: IsoDate;
    termEnd: IsoDate;
    at: Date;
  }): TrainingParticipation {
    const p = new TrainingParticipation();
    const { at, ...fields } = input;
    Object.assign(p, { ...fields, endedOn: null, endGround: null, createdAt: at, updatedAt: at });
    p.record({ name: 'ParticipationRecorded', aggregateId: input.participationId, occurredAt: at, bin: input.bin });
    return p;
  }

  /** participation-terminated: idempotent — the same end again changes nothing. */
  ended(endedOn: IsoDate, ground: string, at: Date): void {
    if (this.endedOn === endedOn && this.endGround === ground) return;
    Object.assign(this, { endedOn, endGround: ground, updatedAt: at });
    this.record({ name: 'ParticipationEndRecorded', aggregateId: this.participationId, occurredAt: at, bin: this.bin });
  }

  isActiveOn(day: IsoDate): boolean {
    return compareIsoDates(this.termStart, day) <= 0 && (this.endedOn === null || compareIsoDates(day, this.endedOn) < 0);
  }
}
