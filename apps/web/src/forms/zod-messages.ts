// Client-side field errors in the reader's language (issue #11): the forms check their input with the
// shared zod schemas of @hub/contracts before sending, and zod writes its messages in English. Each
// issue is turned into a kk/ru/en message by its code (too_small, too_big, invalid_format,
// invalid_type, invalid_value, custom …) with its limits as ICU arguments — so a Russian form says
// «Максимум символов: 4 000.», not "Too big: expected string to have <=4000 characters". A `custom` issue (a contract's `.refine`) is known by its message; else a general text.
import type { MessageId } from '../i18n/locales';

export type Translate = (id: MessageId, values?: Record<string, string | number>) => string;

/** What the web reads of a zod issue (zod 4's `$ZodIssue` fits it). */
export interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly expected?: string;
  readonly input?: unknown;
}

/** A contract's own `.refine` messages (@hub/contracts), by their start: the documents a rule requires, a real date. */
const CUSTOM: readonly [string, MessageId][] = [
  ['the requested documents are required', 'zod.documentsRequired'], // F-32, F-38 AnswerBody
  ['copies of the decision are required', 'zod.documentsRequired'], // F-34 CorporateNoticeBody
  ['the audit opinion is required', 'zod.documentsRequired'], // F-33 AuditOpinionBody
  ['the proof of the place of business is required', 'zod.documentsRequired'], // F-9(3)
  ['must be a real calendar date', 'zod.date'], // IsoDateSchema
];

const NUMERIC = new Set(['number', 'int', 'bigint']);
const num = (v: number | bigint | undefined) => Number(v ?? 0);

/** The issue in the reader's language. */
export function zodIssueText(issue: ZodIssueLike, t: Translate): string {
  switch (issue.code) {
    case 'too_small': {
      const min = num(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('problem.required') : t('zod.minChars', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? t('problem.required') : t('zod.min', { min });
      if (issue.origin && NUMERIC.has(issue.origin)) return issue.inclusive === false ? t('problem.tooSmall') : t('zod.min', { min });
      return t('problem.tooSmall');
    }
    case 'too_big': {
      const max = num(issue.maximum);
      if (issue.origin === 'string') return t('zod.maxChars', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('zod.max', { max });
      if (issue.origin && NUMERIC.has(issue.origin)) return issue.inclusive === false ? t('problem.tooBig') : t('zod.max', { max });
      return t('problem.tooBig');
    }
    case 'invalid_format':
    case 'invalid_string':
      if (issue.format === 'date') return t('zod.date');
      if (issue.format === 'datetime') return t('zod.datetime');
      return t('problem.format');
    case 'invalid_type':
      // a field left out: zod 4 keeps no input on the issue unless asked, but says "received undefined"
      if (('input' in issue && issue.input === undefined) || issue.message.endsWith('received undefined')) return t('problem.required');
      if (issue.expected === 'int') return t('zod.integer');
      if (issue.expected === 'number' || issue.expected === 'bigint') return t('form.error.number');
      return t('problem.required');
    case 'invalid_value':
    case 'invalid_enum_value':
    case 'invalid_union':
      return t('problem.choice');
    case 'not_multiple_of':
      return t('problem.format');
    case 'unrecognized_keys':
      return t('problem.unknownField');
    case 'custom': {
      const known = CUSTOM.find(([start]) => issue.message.startsWith(start));
      return t(known ? known[1] : 'zod.custom');
    }
    default:
      return t('zod.custom');
  }
}

/** Field path (`nonResidents.engaged.0.fullName`) → its first issue, in the reader's language. */
export function zodFieldErrors(issues: readonly ZodIssueLike[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path.map(String).join('.')] ??= zodIssueText(issue, t);
  return out;
}
