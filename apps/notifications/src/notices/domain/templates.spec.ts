import { describe, expect, it } from 'vitest';
import { RefusalGroundSchema } from '@hub/contracts';
import { loadGroundLabels, loadTemplates } from '../infrastructure/file-templates.js';
import { NOTICE_LANGUAGES, TEMPLATE_VALUES, parseTemplate, placeholdersOf, renderTemplate } from './templates.js';

// Templates are files reviewed like code (issue #16): a missing translation or a placeholder the
// mapping does not fill fails the build.
describe('notice templates (kk, ru, en)', () => {
  const templates = loadTemplates();

  it('every template exists in kk, ru and en and uses exactly the values its event provides (F-14, F-17)', () => {
    for (const [name, values] of Object.entries(TEMPLATE_VALUES)) {
      for (const lang of NOTICE_LANGUAGES) {
        const t = templates.get(`${name}.${lang}`);
        expect(t, `${name}.${lang}.md is missing`).toBeDefined();
        expect(placeholdersOf(t!), `${name}.${lang}.md`).toEqual([...values].sort());
        expect(t!.subject.length).toBeGreaterThan(5);
      }
    }
    // no stray template without a mapping
    for (const name of templates.keys()) expect(Object.keys(TEMPLATE_VALUES)).toContain(name.replace(/\.(kk|ru|en)$/, ''));
  });

  it('every F-16 refusal ground has a label in each language', () => {
    const labels = loadGroundLabels();
    for (const ground of RefusalGroundSchema.options) for (const lang of NOTICE_LANGUAGES) expect(labels[ground]?.[lang], `${ground}.${lang}`).toBeTruthy();
  });

  it('refuses to render with a value missing, and parses only well-formed files', () => {
    const t = parseTemplate('x', 'subject: Hello {{bin}}\n\nBody {{grounds}}');
    expect(renderTemplate('x', t, { bin: '1', grounds: 'g' })).toEqual({ subject: 'Hello 1', body: 'Body g' });
    expect(() => renderTemplate('x', t, { bin: '1' })).toThrow(/grounds/);
    expect(() => parseTemplate('y', 'Hello\nBody')).toThrow(/subject/);
  });
});
