import { type IsoDate, compareIsoDates } from '@hub/calendar';

/** One version of the context's effective-dated parameters (data/services-rules.json, ADR 0061). */
export interface ServicesParameters {
  readonly effectiveFrom: IsoDate;
  /** F-55: calendar months between the publication of the contract conditions and the opening of intake (at least). */
  readonly conditionsLeadMonths: number;
  /** The Fund's review length in working days when a call names none (F-51 leaves it to the Fund's acts). */
  readonly defaultReviewWorkingDays: number;
  /** F-56 ¶2: commercial offers to collect before choosing a third-party supplier (the Fund's document; ADR 0064). */
  readonly commercialOffersRequired: number;
  /** F-55: working days between issuing an invoice and its due day (the contract's payment order; ADR 0066 default 10). */
  readonly invoicePaymentWorkingDays: number;
  /**
   * F-55 (ADR 0067, 0109, 0123): the Fund's requisites an invoice PDF prints — `placeholder` until finance
   * supplies them (the invoice then carries NOT FOR PAYMENT and no account), `confirmed` afterwards.
   */
  readonly invoiceIssuer: {
    readonly status: 'placeholder' | 'confirmed';
    readonly nameKk: string;
    readonly nameRu: string;
    readonly bin: string;
    readonly iban: string;
    readonly bank: string;
    readonly bic: string;
  };
  readonly source: string;
}

/** The version in force on `on` (the latest effectiveFrom not after it); none → an error naming the date. */
export function parametersOn(versions: readonly ServicesParameters[], on: IsoDate): ServicesParameters {
  const inForce = [...versions].filter((v) => compareIsoDates(v.effectiveFrom, on) <= 0).sort((a, b) => compareIsoDates(b.effectiveFrom, a.effectiveFrom))[0];
  if (!inForce) throw new Error(`no services parameters in force on ${on} (data/services-rules.json)`);
  return inForce;
}
