import { ValidationError } from '@hub/kernel';
import type { NoticeLanguage } from './notice.aggregate.js';

export const NOTICE_LANGUAGES: readonly NoticeLanguage[] = ['kk', 'ru', 'en'];

/** A message template: `subject: …` on the first line, a blank line, the body; `{{name}}` placeholders. */
export interface NoticeTemplate {
  readonly subject: string;
  readonly body: string;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function parseTemplate(name: string, text: string): NoticeTemplate {
  const [first, blank, ...rest] = text.replace(/\r\n/g, '\n').split('\n');
  if (!first?.startsWith('subject: ') || blank !== '') throw new Error(`template ${name}: the first line is "subject: …", then a blank line`);
  return { subject: first.slice('subject: '.length).trim(), body: rest.join('\n').trim() };
}

export const placeholdersOf = (t: NoticeTemplate): string[] =>
  [...new Set([...`${t.subject}\n${t.body}`.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();

/** Fills the placeholders; a placeholder without a value is a defect of the mapping, never sent half-filled. */
export function renderTemplate(name: string, t: NoticeTemplate, values: Readonly<Record<string, string>>): NoticeTemplate {
  const missing = placeholdersOf(t).filter((p) => values[p] === undefined);
  if (missing.length > 0) throw new ValidationError([{ path: name, message: `no value for ${missing.join(', ')}` }]);
  const fill = (s: string) => s.replace(PLACEHOLDER, (_, key: string) => values[key] as string);
  return { subject: fill(t.subject), body: fill(t.body) };
}

/**
 * Which template each source event uses and the values it provides (the templates test checks that
 * every template of every language uses exactly these).
 */
export const TEMPLATE_VALUES: Readonly<Record<string, readonly string[]>> = {
  'registration.remarks-issued': ['applicationId', 'bin', 'issuedOn', 'remarks'],
  'registration.decision-made.register': ['bin', 'decidedOn', 'protocolNumber'],
  'registration.decision-made.refuse': ['bin', 'decidedOn', 'grounds', 'protocolNumber'],
};

/** Dates as people read them in each language (Asia/Almaty calendar dates stay as they are). */
export function formatDate(iso: string, language: NoticeLanguage): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return language === 'en' ? `${y}-${m}-${d}` : `${d}.${m}.${y}`;
}
