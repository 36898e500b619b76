import { type IsoDate, type WorkingDayCalendar, kzCalendar } from '@hub/calendar';
import { type ReferenceData, type ThresholdValue, referenceData } from '@hub/reference-data';
import { DeadlinePolicy } from '../../application/ports/deadline-policy.port.js';
import { ReferenceValues } from '../../application/ports/reference-values.port.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../../domain/deadline-kind.js';

/** The reference values shipped with @hub/reference-data. */
export class PackageReferenceValues extends ReferenceValues {
  constructor(private readonly data: ReferenceData = referenceData()) {
    super();
  }
  valueAt(key: string, date: IsoDate): ThresholdValue {
    return this.data.valueAt(key, date);
  }
  numberAt(key: string, date: IsoDate): number {
    return this.data.numberAt(key, date);
  }
  history(key: string): ThresholdValue[] {
    return this.data.history(key);
  }
  keys(): string[] {
    return this.data.keys();
  }
  findAt(key: string, date: IsoDate): ThresholdValue | undefined {
    return this.data.findAt(key, date);
  }
}

/** ADR 0013: the N-th working day (reference-data length in force on the start day) after the start, on the Kazakh calendar. */
export class KzWorkingDayDeadlinePolicy extends DeadlinePolicy {
  constructor(
    private readonly reference: ReferenceValues,
    private readonly calendar: WorkingDayCalendar = kzCalendar(),
  ) {
    super();
  }
  dueDate(kind: DeadlineKind, startedOn: IsoDate): IsoDate {
    return this.calendar.addWorkingDays(startedOn, this.reference.numberAt(DEADLINE_KINDS[kind].lengthKey, startedOn));
  }
  workingDaysLeft(from: IsoDate, dueDate: IsoDate): number {
    return this.calendar.workingDaysBetween(from, dueDate);
  }
}
