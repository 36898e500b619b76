import { type IsoDate, almatyDate, startOfAlmatyDay } from '@hub/calendar';
import { type Language, formatDate } from '../language.js';
import { bulletList } from '../notice-draft.js';
import type { TemplateCatalogue } from '../template-catalogue.js';

/**
 * The staff daily digest (ADR 0104 §4, ADR 0106 §5, ADR 0108): one e-mail per officer role listing the
 * open deadlines of the contexts that role answers for, falling due within `reminder.staff-review-wd`
 * working days or already overdue — as the gateway's deadlines board shows them (the owners' truth,
 * ADR 0033/0047), never a copy rebuilt from events. A reminder, not a notice the rules prescribe.
 */
export const STAFF_DIGEST_ROLES = ['fund-officer', 'training-officer', 'housing-manager', 'cluster-organiser'] as const;
export type StaffDigestRole = (typeof STAFF_DIGEST_ROLES)[number];

/** Which contexts' deadlines each officer role answers for (ADR 0106 §5). */
export const STAFF_DIGEST_CONTEXTS: Readonly<Record<StaffDigestRole, readonly string[]>> = {
  'fund-officer': ['registration', 'participation', 'services'],
  'training-officer': ['training'],
  'housing-manager': ['housing'],
  'cluster-organiser': ['clusters'],
};

export const STAFF_DIGEST_TEMPLATE = 'staff.daily-digest';

/** ADR 0104 §4: the digest goes at 08:30 in Almaty, before the Fund's working day. */
export const DIGEST_AT_MS = 8 * 3_600_000 + 30 * 60_000;

/** The digest's moment on a day: 08:30 Almaty. */
export const digestMoment = (day: IsoDate): Date => new Date(startOfAlmatyDay(day).getTime() + DIGEST_AT_MS);

/** The first digest day from `now`: today if it is a Kazakh working day and 08:30 Almaty has not passed, else the next working day. */
export function nextDigestDay(now: Date, calendar: { isWorkingDay(d: IsoDate): boolean; addWorkingDays(d: IsoDate, n: number): IsoDate }): IsoDate {
  const today = almatyDate(now);
  if (calendar.isWorkingDay(today) && now.getTime() < digestMoment(today).getTime()) return today;
  return calendar.addWorkingDays(today, 1);
}

/** One open deadline as the board lists it (ADR 0047's item, with its context). */
export interface DigestDeadline {
  readonly context: string;
  readonly kind: string;
  readonly ruleId?: string | undefined;
  readonly dueDate: IsoDate;
  readonly overdue: boolean;
  readonly bin?: string | undefined;
  readonly subjectId?: string | undefined;
}

/** How the board answered for one context: `ok`, or why it could not say (`error`, `not-provided`, `absent` — not on the board at all). */
export interface DigestSource {
  readonly context: string;
  readonly status: 'ok' | 'error' | 'not-provided' | 'absent';
  readonly detail?: string | undefined;
}

export interface StaffDigestInput {
  readonly role: StaffDigestRole;
  /** The working day the digest is for (Almaty). */
  readonly day: IsoDate;
  /** The last due day it covers: `day` + `reminder.staff-review-wd` working days. */
  readonly dueBefore: IsoDate;
  /** The board's items (any context; the role's are picked here). */
  readonly items: readonly DigestDeadline[];
  /** The board's `sources` (any context). */
  readonly sources: readonly DigestSource[];
  readonly portalUrl: string;
}

export interface StaffDigestDraft {
  readonly template: typeof STAFF_DIGEST_TEMPLATE;
  readonly role: StaffDigestRole;
  readonly day: IsoDate;
  /** The role's deadlines, overdue first then soonest (what the body lists). */
  readonly deadlines: readonly DigestDeadline[];
  /** The role's contexts the board could not read — named in the body, never silently left out. */
  readonly unavailable: readonly DigestSource[];
  readonly values: (language: Language, catalogue: TemplateCatalogue) => Readonly<Record<string, string>>;
}

/** How the board's answer for a context counts for the digest: a context the board did not list at all is `absent`. */
export function sourceOf(context: string, sources: readonly DigestSource[]): DigestSource {
  return sources.find((s) => s.context === context) ?? { context, status: 'absent' };
}

/**
 * Composes a role's digest: its contexts' deadlines due by `dueBefore` (overdue ones whatever their day),
 * overdue first, then by due day, context, rule; each line a working-day date in the reader's format,
 * the rule, the kind, the subject id and the BIN — nothing else of the company (F-35, F-42). The
 * role's contexts that the board could not read are listed by name with the reason.
 */
export function staffDigest(input: StaffDigestInput): StaffDigestDraft {
  const contexts = STAFF_DIGEST_CONTEXTS[input.role];
  const deadlines = input.items
    .filter((i) => contexts.includes(i.context) && (i.overdue || i.dueDate <= input.dueBefore))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.context.localeCompare(b.context) ||
        (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
        (a.subjectId ?? '').localeCompare(b.subjectId ?? ''),
    );
  const unavailable = contexts.map((c) => sourceOf(c, input.sources)).filter((s) => s.status !== 'ok');
  return {
    template: STAFF_DIGEST_TEMPLATE,
    role: input.role,
    day: input.day,
    deadlines,
    unavailable,
    values: (language, catalogue) => {
      const label = (key: string) => catalogue.label(key, language);
      const context = (name: string) => (catalogue.hasLabel(`context.${name}`) ? label(`context.${name}`) : name);
      const line = (d: DigestDeadline) =>
        [
          `${formatDate(d.dueDate, language)}${d.overdue ? ` (${label('staff-digest.overdue')})` : ''}`,
          d.ruleId ?? '—',
          context(d.context),
          d.kind,
          ...(d.subjectId ? [d.subjectId] : []),
          ...(d.bin ? [`${label('staff-digest.bin')} ${d.bin}`] : []),
        ].join(' · ');
      const why = (s: DigestSource) => `${context(s.context)}: ${label(`staff-digest.source-${s.status}`)}${s.detail ? ` (${s.detail})` : ''}`;
      return {
        role: label(`staff-role.${input.role}`),
        day: formatDate(input.day, language),
        dueBefore: formatDate(input.dueBefore, language),
        count: String(deadlines.length),
        overdueCount: String(deadlines.filter((d) => d.overdue).length),
        deadlines: deadlines.length ? bulletList(deadlines.map(line)) : label('staff-digest.none'),
        unavailable: unavailable.length ? bulletList(unavailable.map(why)) : label('staff-digest.all-available'),
        link: `${input.portalUrl}/staff/deadlines`,
      };
    },
  };
}
