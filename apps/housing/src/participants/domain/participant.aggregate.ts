import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { HousingParticipantEvent } from './participant.events.js';

/**
 * Housing and premises's own copy of a Hub participant (registration owns the participant; this context keeps
 * what it needs of it, fed by registration's participant-registered through the inbox). It is an
 * aggregate like any other (ADR 0035 §1–2): a plain class mapped by
 * `infrastructure/participant.schema.ts`, changed only by its methods, recording past-tense events —
 * which the unit of work hands to the integration-event mapper also when a consumer changed it (the
 * platform runs every inbox handler inside the inbox's transaction through `uow.within`).
 * TODO: keep only the fields this context uses (e.g. "only a participant may open a request").
 */
export class HousingParticipant extends AggregateRoot<HousingParticipantEvent> {
  /** Registration's participant id: the same participant in every context. */
  readonly participantId!: string;
  readonly bin!: string;
  readonly companyName!: string;
  readonly termStart!: IsoDate;
  readonly termEnd!: IsoDate;
  /** The day the participation ended (participation's termination: the first day it no longer counts), or null. */
  readonly endedOn!: IsoDate | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static join(input: { participantId: string; bin: string; companyName: string; termStart: IsoDate; termEnd: IsoDate; at: Date }): HousingParticipant {
    if (input.termEnd < input.termStart)
      throw ValidationError.field('termEnd', `the participation term ends (${input.termEnd}) before it starts (${input.termStart})`);
    const p = new HousingParticipant();
    Object.assign(p, {
      participantId: input.participantId,
      bin: input.bin,
      companyName: input.companyName,
      termStart: input.termStart,
      termEnd: input.termEnd,
      endedOn: null,
      createdAt: input.at,
      updatedAt: input.at,
    });
    p.record({
      name: 'ParticipantJoined',
      aggregateId: input.participantId,
      occurredAt: input.at,
      bin: input.bin,
      termStart: input.termStart,
      termEnd: input.termEnd,
    });
    return p;
  }

  /** Whether the company is a participant on a civil date (Asia/Almaty). */
  isParticipantOn(date: IsoDate): boolean {
    return this.termStart <= date && date <= this.termEnd && (this.endedOn === null || date < this.endedOn);
  }

  /** participation.participation-terminated: from `endedOn` the company is no longer a participant. Returns false when already ended (a redelivery). */
  terminate(endedOn: IsoDate, at: Date): boolean {
    if (this.endedOn !== null) return false;
    (this as { endedOn: IsoDate | null }).endedOn = endedOn;
    (this as { updatedAt: Date }).updatedAt = at;
    return true;
  }
}
