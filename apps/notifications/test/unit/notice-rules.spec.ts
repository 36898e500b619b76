import { describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../src/messages/infrastructure/template-files.js';
import { TemplateCatalogue } from '../../src/messages/domain/template-catalogue.js';
import { remarksNotice } from '../../src/messages/domain/rules/f-14-remarks-notice.rule.js';
import { decisionNotice } from '../../src/messages/domain/rules/f-17-decision-notice.rule.js';

const { file, texts } = readTemplateFiles();
const catalogue = TemplateCatalogue.of(file, texts);
const decision = {
  applicationId: '0194f3a0-0000-7000-8000-0000000000a2',
  bin: '180440000019',
  kind: 'activity-change' as const,
  decision: 'refuse' as const,
  grounds: ['activity-not-in-priority-list' as const],
  protocolNumber: 'P-7',
  decidedOn: '2026-11-13',
  notificationDueDate: '2026-11-20',
};

describe('F-17: the notice of a decision (registration or reasoned refusal, 5 WD)', () => {
  it('a refusal uses the refusal template, carries the F-17 due date and every ground in the language', () => {
    const draft = decisionNotice(decision, 'https://portal');
    expect([draft.template, draft.dueOn, draft.subjectId, draft.bin]).toEqual([
      'registration.decision-made.refuse',
      '2026-11-20',
      decision.applicationId,
      '180440000019',
    ]);
    expect(draft.values('ru', catalogue)).toEqual({
      bin: '180440000019',
      kind: 'изменение видов деятельности',
      protocolNumber: 'P-7',
      decidedOn: '13.11.2026',
      link: 'https://portal/my/applications',
      grounds: '- проект не соответствует перечню приоритетных видов деятельности в сфере ИКТ',
    });
    expect(catalogue.meta(draft.template)).toEqual({ ruleId: 'F-17', statutory: true });
  });

  it('a registration uses the approval template, without grounds', () => {
    const draft = decisionNotice({ ...decision, decision: 'register', grounds: [] }, 'https://portal');
    expect(draft.template).toBe('registration.decision-made.register');
    expect(draft.values('en', catalogue)).not.toHaveProperty('grounds');
  });
});

describe('F-14: the notice of remarks', () => {
  it('lists each remark, dates it in Almaty, and has no deadline of its own', () => {
    const draft = remarksNotice(
      { applicationId: decision.applicationId, bin: decision.bin, remarks: [{ field: 'f', message: 'm' }], issuedAt: '2026-11-16T20:30:00Z' },
      'https://portal',
    );
    expect(draft.dueOn).toBeNull();
    // 20:30 UTC is the next day in Almaty (UTC+5).
    expect(draft.values('kk', catalogue)).toMatchObject({ issuedOn: '17.11.2026', remarks: '- f: m' });
    expect(catalogue.meta(draft.template).ruleId).toBe('F-14');
  });
});
