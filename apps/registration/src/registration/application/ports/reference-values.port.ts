import type { IsoDate } from '@hub/calendar';
import type { ReferenceData, ThresholdValue } from '@hub/reference-data';

/**
 * Port: the effective-dated reference values (MCI, thresholds, deadline lengths, the F-24 minimum
 * term). The eligibility rules read them through this; the shipped adapter is @hub/reference-data.
 */
export abstract class ReferenceValues implements ReferenceData {
  abstract valueAt(key: string, date: IsoDate): ThresholdValue;
  abstract numberAt(key: string, date: IsoDate): number;
  abstract history(key: string): ThresholdValue[];
  abstract keys(): string[];
  abstract findAt(key: string, date: IsoDate): ThresholdValue | undefined;
}
