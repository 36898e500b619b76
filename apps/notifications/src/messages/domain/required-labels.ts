import {
  DecisionMadeV1,
  FeeOverdueV1,
  HousingVacateRequiredV1,
  INFORMATION_REQUEST_KINDS,
  RefusalGroundSchema,
  SERVICE_APPLICATION_FIELDS,
} from '@hub/contracts';

/** The words for an F-48 path the contract does not list (a newer services): the notice still goes out (F-52 is statutory). */
export const F48_UNLISTED = 'f48.unlisted';
/** The words for a request kind the contract does not list (ADR 0105). */
export const INFORMATION_KIND_OTHER = 'information-kind.other';

/**
 * Every label a rule can ask the catalogue for, derived from the published contracts — the values an
 * event may carry that a notice names in words (issue #16: a missing translation fails the build).
 * `catalogueProblems` reports each one without kk, ru and en, so a value the contract can carry never
 * reaches a notice without its words (the F-52 dead letter "no label f48.revenue in kk").
 */
export const REQUIRED_LABELS: readonly string[] = [
  ...DecisionMadeV1.payload.shape.kind.options.map((k) => `kind.${k}`),
  ...RefusalGroundSchema.options.map((g) => `ground.${g}`),
  ...FeeOverdueV1.payload.shape.reason.options.map((r) => `fee-overdue.${r}`),
  ...SERVICE_APPLICATION_FIELDS.map((f) => `f48.${f}`),
  F48_UNLISTED,
  ...INFORMATION_REQUEST_KINDS.map((k) => `information-kind.${k}`),
  INFORMATION_KIND_OTHER,
  ...HousingVacateRequiredV1.payload.shape.reason.options.map((r) => `housing-vacate.${r}`),
];
