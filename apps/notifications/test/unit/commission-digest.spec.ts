import { describe, expect, it } from 'vitest';
import { commissionDigest, shortApplicationId } from '../../src/messages/domain/rules/commission-digest.rule.js';
import { TemplateCatalogue } from '../../src/messages/domain/template-catalogue.js';
import { readTemplateFiles } from '../../src/messages/infrastructure/template-files.js';

/** ADR 0138 §4: the members' digest — per context, earliest due first, a link; application ids only (F-35, F-42). */
const { file, texts } = readTemplateFiles();
const catalogue = TemplateCatalogue.of(file, texts);
const PORTAL = 'https://portal.test';
const id = (n: number) => `018f0000-0000-7000-8000-00000000000${n}`;

describe('the Commission members’ digest (ADR 0138 §4)', () => {
  it('nothing awaits: no digest at all', () => {
    expect(commissionDigest({ member: 'm', day: '2026-11-17', items: [], portalUrl: PORTAL })).toBeNull();
  });

  it('groups per context in a fixed order, earliest due first (none set last), each with the short id, the due working day and a link — in kk, ru, en', () => {
    const draft = commissionDigest({
      member: 'm',
      day: '2026-11-17',
      portalUrl: PORTAL,
      items: [
        { context: 'clusters', commissionId: 'round-1', applicationId: id(1), dueOn: null },
        { context: 'training', commissionId: 'intake-1', applicationId: id(2), dueOn: '2026-11-20' },
        { context: 'training', commissionId: 'intake-1', applicationId: id(3), dueOn: null },
        { context: 'training', commissionId: 'intake-1', applicationId: id(4), dueOn: '2026-11-19' },
        { context: 'registration', commissionId: 'registration', applicationId: id(5), dueOn: '2026-11-30' },
      ],
    })!;
    expect(draft.items.map((i) => i.applicationId)).toEqual([id(5), id(4), id(2), id(3), id(1)]);
    const en = catalogue.render(draft.template, 'commission', 'en', (l) => draft.values(l, catalogue));
    expect(en.subject).toBe('Astana Hub: 5 application(s) await your vote — 2026-11-17');
    expect(en.body).toContain(
      [
        'registration (1):',
        `- #00000005 · decision due 2026-11-30 · ${PORTAL}/staff/applications/${id(5)}`,
        '',
        'training (3):',
        `- #00000004 · decision due 2026-11-19 · ${PORTAL}/training/intakes/intake-1/commission`,
        `- #00000002 · decision due 2026-11-20 · ${PORTAL}/training/intakes/intake-1/commission`,
        `- #00000003 · no decision day set · ${PORTAL}/training/intakes/intake-1/commission`,
        '',
        'clusters (1):',
        `- #00000001 · no decision day set · ${PORTAL}/clusters/rounds/round-1`,
      ].join('\n'),
    );
    expect(en.body).toContain(`${PORTAL}/my/notifications`);
    const ru = catalogue.render(draft.template, 'commission', 'ru', (l) => draft.values(l, catalogue));
    expect(ru.body).toContain('- #00000005 · решение до 30.11.2026');
    const kk = catalogue.render(draft.template, 'commission', 'kk', (l) => draft.values(l, catalogue));
    expect(kk.body).toContain('тіркеу (1):');
    expect(kk.subject).toBe('Astana Hub: дауысыңызды күтетін өтінімдер (5) — 17.11.2026');
  });

  it('the short form is the id’s last 8 hex digits (a UUIDv7 begins with its time, alike for ids made together)', () => {
    expect(shortApplicationId('018f3a2b-9c4d-7e5f-8a6b-1c2d3e4f5a6b')).toBe('#3e4f5a6b');
  });
});
