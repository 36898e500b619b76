import type { IsoDate } from '@hub/calendar';

/**
 * Records schedule (ADR 0045): a document is kept through its `retainUntil` day inclusive — the
 * retention period of its kind in force on the day it was verified or issued — and its bytes may be
 * purged from the day after. A document without a retention date (never verified) is never purged
 * by this rule: it has no bytes to keep (an unfinished upload is removed by its expiry instead).
 */
export function retentionEnded(retainUntil: IsoDate | null, today: IsoDate): boolean {
  return retainUntil !== null && today > retainUntil;
}
