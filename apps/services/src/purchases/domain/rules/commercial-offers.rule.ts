import { ValidationError } from '@hub/kernel';

export interface CommercialOffer {
  readonly id: string;
  readonly supplierName: string;
  readonly supplierBin: string;
  readonly amountTiyn: number;
  readonly offeredOn: string;
  readonly documentRef: string;
}

/**
 * F-56 ¶2: a service bought from a third party is bought on commercial offers — at least `required`
 * of them (the Fund's document, data/services-rules.json) before one is chosen; choosing one that is
 * not the cheapest needs a reason. Errors name the field (problem+json).
 */
export function assertChoiceAllowed(offers: readonly CommercialOffer[], required: number, chosenId: string, reason: string | undefined): CommercialOffer {
  if (offers.length < required)
    throw ValidationError.field('offers', `F-56: ${required} commercial offers are required before choosing; ${offers.length} collected`, 'rule.F-56');
  const chosen = offers.find((o) => o.id === chosenId);
  if (!chosen) throw ValidationError.field('offerId', 'not an offer of this purchase');
  const cheapest = Math.min(...offers.map((o) => o.amountTiyn));
  if (chosen.amountTiyn > cheapest && (reason ?? '').trim().length < 3)
    throw ValidationError.field('reason', `F-56: the chosen offer is not the cheapest (${cheapest} tiyn); give the reason`, 'rule.F-56');
  return chosen;
}
