import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { TrainingParticipantEvent } from './participant.events.js';

/**
 * ICT training's own copy of a Hub participant (registration owns the participant; this context keeps
 * what it needs of it, fed by registration's participant-registered through the inbox). It is an
 * aggregate like any other (ADR 0035 §1–2): a plain class mapped by
 * `infrastructure/participant.schema.ts`, changed only by its methods, recording past-tense events —
 * which the unit of work hands to the integration-event mapper also when a consumer changed it (the
 * platform runs every inbox handler inside the inbox's transaction through `uow.within`).
 * Not used by a rule yet: F-77 eligibility reads the participation read model (participation.aggregate.ts).
 */
export class TrainingParticipant extends AggregateRoot<TrainingParticipantEvent> {
  /** Registration's participant id: the same participant in every context. */
  readonly participantId!: string;
  readonly bin!: string;
  readonly companyName!: string;
  readonly termStart!: IsoDate;
  readonly termEnd!: IsoDate;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static join(input: { participantId: string; bin: string; companyName: string; termStart: IsoDate; termEnd: IsoDate; at: Date }): TrainingParticipant {
    if (input.termEnd < input.termStart)
      throw ValidationError.field('termEnd', `the participation term ends (${input.termEnd}) before it starts (${input.termStart})`);
    const p = new TrainingParticipant();
    Object.assign(p, {
      participantId: input.participantId,
      bin: input.bin,
      companyName: input.companyName,
      termStart: input.termStart,
      termEnd: input.termEnd,
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
    return this.termStart <= date && date <= this.termEnd;
  }
}
