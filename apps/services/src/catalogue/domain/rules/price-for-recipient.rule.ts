import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export const PRICE_RULE = 'F-56';

export interface PriceLine {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  readonly participantPriceTiyn: number | null;
  readonly nonParticipantPriceTiyn: number | null;
}
export interface FixedPrice {
  readonly priceTiyn: number;
  readonly basis: 'participant' | 'non-participant';
  readonly priceListEntryId: string;
}

/**
 * F-56: the price a recipient pays is the Fund's price list in force on the contract day (the entry
 * with the latest effectiveFrom not after it), for the recipient's status that day: the participant
 * price while its participation is active, when the Fund set one; otherwise the non-participant
 * price. The result is stored on the contract and never recomputed (later entries do not touch it).
 */
export function priceOnContractDay(lines: readonly PriceLine[], contractDay: IsoDate, activeParticipant: boolean): FixedPrice {
  const line = [...lines]
    .filter((l) => compareIsoDates(l.effectiveFrom, contractDay) <= 0)
    .sort((a, b) => compareIsoDates(b.effectiveFrom, a.effectiveFrom))[0];
  if (!line) throw new RuleViolationError(PRICE_RULE, `the Fund's price list has no price for this service in force on ${contractDay}`, { contractDay });
  if (activeParticipant && line.participantPriceTiyn !== null) return { priceTiyn: line.participantPriceTiyn, basis: 'participant', priceListEntryId: line.id };
  if (line.nonParticipantPriceTiyn !== null) return { priceTiyn: line.nonParticipantPriceTiyn, basis: 'non-participant', priceListEntryId: line.id };
  throw new RuleViolationError(PRICE_RULE, `the price list entry in force on ${contractDay} sets no price for a recipient that is not an active participant`, {
    priceListEntryId: line.id,
  });
}
