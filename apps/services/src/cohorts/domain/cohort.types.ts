/** A town where a programme runs: KATO code (9 digits) and its name (the contracts' TownSchema). */
export interface Town {
  readonly katoCode: string;
  readonly name: string;
}
/** Why a person left a cohort early (the contracts' COHORT_EXPULSION_GROUNDS). */
export type ExpulsionGround = 'programme-conditions-breached' | 'contract-terminated' | 'own-request' | 'other';
export type EnrolmentStatus = 'enrolled' | 'expelled' | 'completed';
