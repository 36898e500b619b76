import { AggregateRoot, ValidationError, type DomainEvent } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';

/** F-36, F-40: a conclusion was recorded; "not expedient" notifies the participant (monitoring-not-expedient). */
export interface MonitoringConcluded extends DomainEvent {
  readonly name: 'MonitoringConcluded';
  readonly participationId: string;
  readonly bin: string;
  readonly project: string;
  readonly periodFrom: IsoDate;
  readonly periodTo: IsoDate;
  readonly conclusion: 'expedient' | 'not-expedient';
  readonly concludedOn: IsoDate;
}

/**
 * F-36, F-40: the Fund's monitoring conclusion on one project for one period: is further
 * implementation expedient? "Not expedient" notifies the participant and may ground early
 * termination F-28(1), which goes to the Commission (F-30).
 */
export class MonitoringConclusion extends AggregateRoot<MonitoringConcluded> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly project!: string;
  readonly periodFrom!: IsoDate;
  readonly periodTo!: IsoDate;
  readonly conclusion!: 'expedient' | 'not-expedient';
  readonly reasoning!: string;
  readonly concludedOn!: IsoDate;
  readonly concludedBy!: string;
  readonly createdAt!: Date;

  /** F-40: one conclusion per project and period, on a period that has ended. */
  static record(props: Omit<MonitoringConclusion, 'createdAt' | keyof AggregateRoot>, now: Date): MonitoringConclusion {
    if (compareIsoDates(props.periodTo, props.periodFrom) < 0) throw ValidationError.field('periodTo', 'must not be before periodFrom', 'monitoring.period');
    if (compareIsoDates(props.periodTo, props.concludedOn) > 0)
      throw ValidationError.field('periodTo', 'a period can only be concluded on once it has ended', 'monitoring.period-not-over');
    const c = new MonitoringConclusion();
    Object.assign(c, props, { createdAt: now });
    c.record({
      name: 'MonitoringConcluded',
      aggregateId: c.id,
      occurredAt: now,
      participationId: c.participationId,
      bin: c.bin,
      project: c.project,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      conclusion: c.conclusion,
      concludedOn: c.concludedOn,
    });
    return c;
  }
}
