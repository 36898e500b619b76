import { DomainError, ValidationError, type FieldIssue } from '@hub/kernel';

export const REFERENCE_DATA_FILE_ENV = 'HUB_REFERENCE_DATA_FILE';

/**
 * No value of a threshold is in force on the date asked (or the key is unknown). Never answered
 * with a guess: add the value, with its effective period, to the data.
 */
export class ReferenceValueMissingError extends DomainError {
  readonly kind = 'validation' as const;
  readonly key: string;
  readonly date: string | undefined;

  constructor(key: string, date: string | undefined, loaded: string) {
    super(
      'reference-data.value-missing',
      `${date ? `no reference value '${key}' in force on ${date}` : `unknown reference key '${key}'`}; ${loaded}. ` +
        `Add an entry to packages/reference-data/data/thresholds.json or to the file named by ${REFERENCE_DATA_FILE_ENV}`,
      { key, ...(date ? { date } : {}) },
    );
    this.key = key;
    this.date = date;
  }
}

/** A thresholds file is broken: every issue names the entry, the field and (for overlaps) the key. */
export class ReferenceDataError extends ValidationError {
  readonly file: string;

  constructor(file: string, issues: readonly FieldIssue[]) {
    super(issues, `invalid reference data file ${file}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'reference-data.invalid');
    this.file = file;
  }
}
