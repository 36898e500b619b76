import type { EarlyTerminationGround } from '@hub/contracts';

/** F-30: on grounds (1), (2) and (7) the Fund brings early termination to the Commission, which decides. */
export const COMMISSION_GROUNDS: readonly EarlyTerminationGround[] = ['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach'];

export const goesToCommission = (ground: EarlyTerminationGround): boolean => COMMISSION_GROUNDS.includes(ground);
