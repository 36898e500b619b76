import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { TrainingEvent } from './intake.events.js';
import type { VersionedDocument } from './intake.types.js';

/**
 * An intake of ICT training providers announced by the Fund (F-64) with its selection criteria and
 * intake order as versioned documents (F-77). Applications are accepted from `opensOn` to
 * `closesOn`, both included (rules/application-window.rule.ts).
 */
export class Intake extends AggregateRoot<TrainingEvent> {
  readonly id!: string;
  readonly title!: string;
  readonly opensOn!: IsoDate;
  readonly closesOn!: IsoDate;
  readonly selectionCriteria!: VersionedDocument;
  readonly intakeOrder!: VersionedDocument;
  readonly announcedBy!: string;
  readonly announcedAt!: Date;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static announce(input: {
    id: string;
    title: string;
    opensOn: IsoDate;
    closesOn: IsoDate;
    selectionCriteria: VersionedDocument;
    intakeOrder: VersionedDocument;
    announcedBy: string;
    at: Date;
  }): Intake {
    const title = input.title.trim();
    if (title.length < 3) throw ValidationError.field('title', 'name the intake');
    if (input.closesOn < input.opensOn) throw ValidationError.field('closesOn', `the intake ends (${input.closesOn}) before it starts (${input.opensOn})`);
    const i = new Intake();
    Object.assign(i, {
      id: input.id,
      title,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      selectionCriteria: input.selectionCriteria,
      intakeOrder: input.intakeOrder,
      announcedBy: input.announcedBy,
      announcedAt: input.at,
      createdAt: input.at,
      updatedAt: input.at,
    });
    i.record({
      name: 'IntakeAnnounced',
      aggregateId: input.id,
      occurredAt: input.at,
      title,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      selectionCriteria: input.selectionCriteria,
      intakeOrder: input.intakeOrder,
    });
    return i;
  }
}
