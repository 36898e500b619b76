import { describe, expect, it } from 'vitest';
import { SERVICE_APPLICATION_FIELDS } from '@hub/contracts';
import { REQUIRED_LABELS } from '../../src/messages/domain/required-labels.js';
import { fieldLabel } from '../../src/messages/domain/rules/f-52-service-remarks-notice.rule.js';
import { LANGUAGES } from '../../src/messages/domain/language.js';
import { TemplateCatalogue, catalogueProblems, textKey } from '../../src/messages/domain/template-catalogue.js';
import { readTemplateFiles } from '../../src/messages/infrastructure/template-files.js';

// Issue #16: "templates are files reviewed like code; a missing translation fails the build".
const { file, texts } = readTemplateFiles();

describe('the notice templates in apps/notifications/templates (ADR 0090)', () => {
  it('every template has every language for every role, exactly its declared placeholders, a subject line; every label every language', () => {
    expect(catalogueProblems(file, texts)).toEqual([]);
  });

  it.each(Object.keys(file.templates))('%s has kk, ru and en files', (template) => {
    for (const role of file.templates[template]!.roles) for (const l of LANGUAGES) expect(texts.has(textKey(template, role, l))).toBe(true);
  });

  it('a missing language, a missing placeholder, an undeclared one and an untranslated label are each reported', () => {
    const broken = new Map(texts);
    broken.delete('registration.remarks-issued/applicant.en');
    broken.set(
      'registration.decision-made.register/applicant.ru',
      broken.get('registration.decision-made.register/applicant.ru')!.replace('{{protocolNumber}}', 'N'),
    );
    broken.set('registration.decision-made.refuse/applicant.kk', `${broken.get('registration.decision-made.refuse/applicant.kk')!}\n{{iin}}`);
    const labels = { ...file.labels, 'kind.registration': { kk: 'тіркеу', ru: 'регистрация', en: '' } };
    expect(catalogueProblems({ ...file, labels }, broken)).toEqual([
      'registration.decision-made.register/applicant.ru.md: lacks the placeholder {{protocolNumber}}',
      'registration.decision-made.refuse/applicant.kk.md: uses {{iin}}, which registration.decision-made.refuse does not declare',
      'registration.remarks-issued/applicant.en.md: missing (every template needs kk, ru, en)',
      'label kind.registration: missing in en',
    ]);
    expect(() => TemplateCatalogue.of(file, broken)).toThrow(/incomplete/);
  });

  it('renders in the preferred language, falls back to Kazakh without one, and refuses a missing value', () => {
    const catalogue = TemplateCatalogue.of(file, texts);
    const values = { bin: '180440000019', issuedOn: '16.11.2026', remarks: '- a: b', link: 'http://portal/my/applications' };
    expect(catalogue.render('registration.remarks-issued', 'applicant', 'ru', () => values).language).toBe('ru');
    const kk = catalogue.render('registration.remarks-issued', 'applicant', null, () => values);
    expect(kk.language).toBe('kk');
    expect(kk.subject).toBe('Astana Hub: өтінішіңіз бойынша ескертулер');
    expect(kk.body).toContain('БСН 180440000019');
    expect(() => catalogue.render('registration.remarks-issued', 'applicant', 'en', () => ({ ...values, link: undefined as unknown as string }))).toThrow(
      /link/,
    );
  });

  it('F-52: every F-48 field the services contract can name has a label in kk, ru and en; a label the contract drops is reported', () => {
    for (const f of SERVICE_APPLICATION_FIELDS) {
      expect(REQUIRED_LABELS).toContain(`f48.${f}`);
      for (const l of LANGUAGES) expect(file.labels[`f48.${f}`]?.[l]?.trim(), `f48.${f} in ${l}`).toBeTruthy();
    }
    const { 'f48.team.size': _dropped, ...labels } = file.labels;
    expect(catalogueProblems({ ...file, labels }, texts)).toEqual(['label f48.team.size: missing (a published event can carry it)']);
    expect(catalogueProblems(file, texts, [...REQUIRED_LABELS, 'f48.revenue'])).toEqual(['label f48.revenue: missing (a published event can carry it)']);
  });

  it('F-52: a field path the contract does not list is still named (by its path), so the statutory notice is not dead-lettered', () => {
    const catalogue = TemplateCatalogue.of(file, texts);
    expect(fieldLabel('readiness.stage', 'kk', catalogue)).toBe('жобаның дайындық сатысы');
    expect(fieldLabel('revenue', 'kk', catalogue)).toBe('өтініштің басқа жолы: revenue');
    expect(fieldLabel('revenue', 'en', catalogue)).toBe('another field of the application: revenue');
  });
});
