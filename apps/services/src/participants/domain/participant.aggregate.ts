import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { AggregateRoot } from '@hub/kernel';
import type { Mutable } from '../../shared/domain/mutable.js';
import type { ServicesParticipantEvent } from './participant.events.js';

/**
 * A participation as services knows it (a local read model of participation's
 * participation-started / participation-terminated, ADR 0062): enough to tell whether a BIN is an
 * active Astana Hub participant on a day — the participant price (F-56) and participants-only
 * services (F-43) depend on it. Active from termStart until the day before endedOn: participation
 * publishes endedOn as the day "from which the certificate is no longer valid for services". Until
 * a termination arrives the participation stays active past termEnd (an in-time extension holds the
 * planned end, ADR 0050).
 */
export class ServicesParticipation extends AggregateRoot<ServicesParticipantEvent> {
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

  private get m(): Mutable<ServicesParticipation> {
    return this;
  }

  static started(input: {
    participationId: string;
    participantId: string;
    bin: string;
    termStart: IsoDate;
    termEnd: IsoDate;
    at: Date;
  }): ServicesParticipation {
    const p = new ServicesParticipation();
    const { at, ...fields } = input;
    Object.assign(p, { ...fields, endedOn: null, endGround: null, createdAt: at, updatedAt: at });
    p.record({ name: 'ParticipationRecorded', aggregateId: input.participationId, occurredAt: input.at, bin: input.bin, termStart: input.termStart });
    return p;
  }

  /** participation-terminated: idempotent — the same end again changes nothing. */
  ended(endedOn: IsoDate, ground: string, at: Date): void {
    if (this.endedOn === endedOn && this.endGround === ground) return;
    this.m.endedOn = endedOn;
    this.m.endGround = ground;
    this.m.updatedAt = at;
    this.record({ name: 'ParticipationEndRecorded', aggregateId: this.participationId, occurredAt: at, bin: this.bin, endedOn });
  }

  isActiveOn(day: IsoDate): boolean {
    return compareIsoDates(this.termStart, day) <= 0 && (this.endedOn === null || compareIsoDates(day, this.endedOn) < 0);
  }
}
