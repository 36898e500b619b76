import type { IsoDate } from '@hub/calendar';
import { ValidationError } from '@hub/kernel';

/**
 * The periods of housing, effective-dated (a change is a new version with its effectiveFrom, never
 * an edit): read from data/housing-rules.json at start (src/shared/infrastructure).
 */
export interface HousingParameters {
  readonly effectiveFrom: IsoDate;
  /** F-61: the person expelled from acceleration vacates and hands the dwelling back within this many working days. */
  readonly vacateWorkingDays: number;
  /** ADR 0057: an offer of a bed is accepted within this many working days, else it lapses and moves on (F-62). */
  readonly offerAcceptanceWorkingDays: number;
  /** ADR 0053 (F-58, F-61 by analogy): premises are handed back under an act within this many working days after the use ends. */
  readonly premisesHandBackWorkingDays: number;
  readonly source: string;
}

/** The version in force on `date` (the latest effectiveFrom on or before it). */
export function parametersOn(versions: readonly HousingParameters[], date: IsoDate): HousingParameters {
  const inForce = [...versions].filter((v) => v.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!inForce) throw ValidationError.field('date', `no housing parameters are in force on ${date}`);
  return inForce;
}
