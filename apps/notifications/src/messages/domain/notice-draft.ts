import type { Language } from './language.js';
import type { TemplateCatalogue } from './template-catalogue.js';

/**
 * The recipient roles a notice is written for (a template file per role): a company's representatives,
 * the Fund's services mailbox (ADR 0105), or an officer role's digest mailbox (`staff`, ADR 0108).
 */
export type RecipientRole = 'applicant' | 'fund' | 'staff' | 'commission';

/**
 * What a rule decides a fact needs told (issue #16): which template, to whom (the company's
 * representatives — its BIN), about which of the owner's aggregates, by when, and the values of the
 * placeholders in a language. Only what the notice needs — details stay behind the portal link (F-35, F-42).
 */
export interface NoticeDraft {
  readonly template: string;
  readonly role: RecipientRole;
  readonly bin: string;
  /** The owner's aggregate the notice is about (registration: the application). */
  readonly subjectId: string;
  /** The statutory deadline for telling the recipient, when the rule sets one (F-17: 5 WD). */
  readonly dueOn: string | null;
  readonly values: (language: Language, catalogue: TemplateCatalogue) => Readonly<Record<string, string>>;
}

/**
 * A notice to a person (ADR 0107: F-52 to an individual) — addressed by the portal subject who filed,
 * never by IIN (F-42); no company, so no company preferences.
 */
export interface PersonNoticeDraft extends Omit<NoticeDraft, 'bin'> {
  /** The person's portal subject (the identity provider's `sub`). */
  readonly person: string;
}

/** A list as lines of a plain-text message. */
export const bulletList = (items: readonly string[]): string => items.map((i) => `- ${i}`).join('\n');
