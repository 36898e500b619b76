import { describe, expect, it } from 'vitest';
import { type AgendaApplication, commissionAgenda } from './commission-agenda.js';
import { type Affiliation, CommissionMember } from './commission-member.js';

const at = new Date('2026-11-16T05:00:00Z');
const member = (subject: string, affiliation: Affiliation, declared: false | readonly string[] = []): CommissionMember => {
  const m = CommissionMember.appoint({
    id: `id-${subject}`,
    intakeId: 'intake',
    subject,
    fullName: `Member ${subject}`,
    affiliation,
    appointedBy: 'officer',
    at,
  });
  if (declared !== false) m.declare({ hasConflict: declared.length > 0, conflictingBins: declared, statement: 's', on: '2026-11-16', at });
  return m;
};
const X: AgendaApplication = { id: '018f0000-0000-7000-8000-0000000000a1', bin: '111111111111', dueOn: null };
const Y: AgendaApplication = { id: '018f0000-0000-7000-8000-0000000000b2', bin: '222222222222', dueOn: null };

describe('the Independent Commission agenda (issue #16, ADR 0138 §1)', () => {
  it('F-69: a member conflicted with an applicant is not awaited on that application, but on the others', () => {
    const agenda = commissionAgenda({
      members: [member('fund', 'fund'), member('ict', 'ict-specialist', [Y.bin])],
      applications: [X, Y],
      votes: [],
      decided: false,
    });
    expect(agenda).toEqual({
      members: ['fund', 'ict'],
      items: [
        { applicationId: X.id, dueOn: null, awaiting: ['fund', 'ict'] },
        { applicationId: Y.id, dueOn: null, awaiting: ['fund'] },
      ],
      closed: false,
    });
  });

  it('F-72: a member who voted on an application is no longer awaited on it', () => {
    const fund = member('fund', 'fund');
    const intl = member('intl', 'international-expert');
    const agenda = commissionAgenda({ members: [fund, intl], applications: [X, Y], votes: [{ applicationId: X.id, memberId: fund.id }], decided: false });
    expect(agenda.items.map((i) => i.awaiting)).toEqual([['intl'], ['fund', 'intl']]);
  });

  it('F-69: an undeclared member is a member but awaited nowhere (they must declare first)', () => {
    const agenda = commissionAgenda({ members: [member('new', 'state-body', false), member('fund', 'fund')], applications: [X], votes: [], decided: false });
    expect(agenda.members).toEqual(['new', 'fund']);
    expect(agenda.items).toEqual([{ applicationId: X.id, dueOn: null, awaiting: ['fund'] }]);
  });

  it('F-72: once the Commission decided, the agenda is closed and has no items', () => {
    const agenda = commissionAgenda({ members: [member('fund', 'fund')], applications: [X, Y], votes: [], decided: true });
    expect(agenda).toEqual({ members: ['fund'], items: [], closed: true });
  });

  it('F-35: no applicant BIN is in the agenda', () => {
    const agenda = commissionAgenda({ members: [member('ict', 'ict-specialist', [X.bin])], applications: [X, Y], votes: [], decided: false });
    expect(JSON.stringify(agenda)).not.toMatch(/111111111111|222222222222/);
  });
});
