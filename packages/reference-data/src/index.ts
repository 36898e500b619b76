/**
 * @hub/reference-data — thresholds of the rules as data with effective periods
 * (MCI per year, 6 × MCI, 100 M KZT, 6 months, 12 months, every statutory deadline length).
 */
export {
  SHIPPED_THRESHOLDS_FILE,
  f42RetainUntil,
  f42RetentionEndsAt,
  mciFor,
  mergeThresholds,
  referenceData,
  referenceDataFrom,
  taxDebtLimitKzt,
  taxDebtLimitTiyn,
  type ReferenceData,
} from './reference-data.js';
export { REFERENCE_DATA_FILE_ENV, ReferenceDataError, ReferenceValueMissingError } from './reference-data.errors.js';
export { readThresholdsFile, validateThresholds, type ThresholdValue } from './thresholds-file.js';
