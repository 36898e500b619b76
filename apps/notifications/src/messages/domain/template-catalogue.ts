import { ValidationError } from '@hub/kernel';
import { LANGUAGES, type Language, languageOrder } from './language.js';
import { REQUIRED_LABELS } from './required-labels.js';

/** The catalogue file (templates/catalogue.json): what each template is and which placeholders it takes. */
export interface CatalogueFile {
  readonly languages: readonly string[];
  readonly templates: Readonly<
    Record<string, { readonly ruleId: string | null; readonly statutory: boolean; readonly roles: readonly string[]; readonly placeholders: readonly string[] }>
  >;
  readonly labels: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** One template file's text, keyed `<template>/<role>.<lang>`. */
export type TemplateTexts = ReadonlyMap<string, string>;

export interface RenderedNotice {
  readonly language: Language;
  readonly subject: string;
  readonly body: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

export const textKey = (template: string, role: string, language: string): string => `${template}/${role}.${language}`;

/** The placeholders a template text uses, sorted and unique. */
export const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();

/**
 * What is wrong with the catalogue and its texts (issue #16: "a missing translation fails the
 * build"): a language the catalogue does not declare or lacks, a template × role × language without
 * a file, a file whose placeholders differ from the declared ones, a subject line missing, a label
 * without every language, a label a published contract can ask for (`REQUIRED_LABELS`) but the
 * catalogue lacks. Empty when all is well. The test suite and the app's start both call it.
 */
export function catalogueProblems(file: CatalogueFile, texts: TemplateTexts, requiredLabels: readonly string[] = REQUIRED_LABELS): string[] {
  const problems: string[] = [];
  for (const l of LANGUAGES) if (!file.languages.includes(l)) problems.push(`catalogue: language ${l} is not declared`);
  for (const [name, t] of Object.entries(file.templates)) {
    for (const role of t.roles) {
      for (const l of LANGUAGES) {
        const key = textKey(name, role, l);
        const text = texts.get(key);
        if (text === undefined) {
          problems.push(`${key}.md: missing (every template needs ${LANGUAGES.join(', ')})`);
          continue;
        }
        if (!/^# \S/.test(text)) problems.push(`${key}.md: the first line must be the subject, '# …'`);
        const used = placeholdersOf(text);
        for (const p of t.placeholders) if (!used.includes(p)) problems.push(`${key}.md: lacks the placeholder {{${p}}}`);
        for (const p of used) if (!t.placeholders.includes(p)) problems.push(`${key}.md: uses {{${p}}}, which ${name} does not declare`);
      }
    }
  }
  for (const label of requiredLabels) if (!file.labels[label]) problems.push(`label ${label}: missing (a published event can carry it)`);
  for (const [label, byLanguage] of Object.entries(file.labels)) {
    for (const l of LANGUAGES) if (!byLanguage[l]?.trim()) problems.push(`label ${label}: missing in ${l}`);
  }
  for (const key of texts.keys()) {
    const [name, rest] = key.split('/');
    const [role, l] = (rest ?? '').split('.');
    const t = file.templates[name!];
    if (!t || !t.roles.includes(role!) || !(LANGUAGES as readonly string[]).includes(l!)) problems.push(`${key}.md: not declared in catalogue.json`);
  }
  return problems;
}

/**
 * The checked templates (ADR 0090). `render` picks the language (the recipient's preference, else
 * kk → ru → en), fills every placeholder and refuses a value it was not given — a notice is never
 * sent with a hole in it.
 */
export class TemplateCatalogue {
  private constructor(
    private readonly file: CatalogueFile,
    private readonly texts: TemplateTexts,
  ) {}

  static of(file: CatalogueFile, texts: TemplateTexts): TemplateCatalogue {
    const problems = catalogueProblems(file, texts);
    if (problems.length > 0) throw new Error(`notice templates are incomplete:\n- ${problems.join('\n- ')}`);
    return new TemplateCatalogue(file, texts);
  }

  meta(template: string): { ruleId: string | null; statutory: boolean } {
    const t = this.file.templates[template];
    if (!t) throw new Error(`no notice template ${template}`);
    return { ruleId: t.ruleId, statutory: t.statutory };
  }

  /** A label (templates/catalogue.json `labels`) in a language. */
  label(key: string, language: Language): string {
    const value = this.file.labels[key]?.[language];
    if (value === undefined) throw new Error(`no label ${key} in ${language}`);
    return value;
  }

  /** Whether the catalogue has the label (a value the contract does not list may lack one). */
  hasLabel(key: string): boolean {
    return this.file.labels[key] !== undefined;
  }

  render(template: string, role: string, preferred: Language | null, values: (language: Language) => Readonly<Record<string, string>>): RenderedNotice {
    const language = languageOrder(preferred).find((l) => this.texts.has(textKey(template, role, l)));
    if (!language) throw new Error(`no notice template ${template} for the role ${role}`);
    const text = this.texts.get(textKey(template, role, language))!;
    const given = values(language);
    const filled = text.replace(PLACEHOLDER, (_, name: string) => {
      const value = given[name];
      if (value === undefined) throw ValidationError.field(name, `the notice ${template} needs a value for {{${name}}}`);
      return value;
    });
    const newline = filled.indexOf('\n');
    const subject = filled.slice(2, newline < 0 ? undefined : newline).trim();
    const body = newline < 0 ? '' : filled.slice(newline + 1).trim() + '\n';
    return { language, subject, body };
  }
}
