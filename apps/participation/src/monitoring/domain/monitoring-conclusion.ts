import { ValidationError } from '@hub/kernel';
import { compareIsoDates, type IsoDate } from '../../shared/domain/calendar.js';

/**
 * F-36, F-40: the Fund's monitoring conclusion on one project for one period: is further
 * implementation expedient? "Not expedient" notifies the participant and may ground early
 * termination F-28(1), which goes to the Commission (F-30).
 */
export class MonitoringConclusion {
  id!: string;
  participationId!: string;
  bin!: string;
  project!: string;
  periodFrom!: IsoDate;
  periodTo!: IsoDate;
  conclusion!: 'expedient' | 'not-expedient';
  reasoning!: string;
  concludedOn!: IsoDate;
  concludedBy!: string;
  createdAt!: Date;

  static record(props: Omit<MonitoringConclusion, 'createdAt'>, now: Date): MonitoringConclusion {
    if (compareIsoDates(props.periodTo, props.periodFrom) < 0) throw ValidationError.field('periodTo', 'must not be before periodFrom', 'monitoring.period');
    if (compareIsoDates(props.periodTo, props.concludedOn) > 0) throw ValidationError.field('periodTo', 'a period can only be concluded on once it has ended', 'monitoring.period-not-over');
    const c = new MonitoringConclusion();
    Object.assign(c, props, { createdAt: now });
    return c;
  }
}
