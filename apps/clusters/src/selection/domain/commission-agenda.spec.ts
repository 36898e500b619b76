import { describe, expect, it } from 'vitest';
import { commissionAgenda } from './commission-agenda.js';
import type { CommissionSeat } from './rules/commission-decision.rule.js';

const seat = (subject: string): CommissionSeat => ({ subject, fullName: `Member ${subject}`, organisation: 'Ministry of Industry', body: 'state-body' });
const SEATS = [seat('a'), seat('b'), seat('c')];
const S = '018f0000-0000-7000-8000-0000000000a1';
const W = '018f0000-0000-7000-8000-0000000000b2';

describe("a round's Commission agenda (issue #16, ADR 0138 §1)", () => {
  it('C-2, C-19: the members are the seats of the composition; before it is formed there are none', () => {
    expect(commissionAgenda({ seats: [], applicationIds: [], votes: [], decided: false })).toEqual({ members: [], items: [], closed: false });
    expect(commissionAgenda({ seats: SEATS, applicationIds: [], votes: [], decided: false }).members).toEqual(['a', 'b', 'c']);
  });

  it('C-18, C-19: every member awaits each application before the Commission until they voted on it (once); no due day', () => {
    const agenda = commissionAgenda({
      seats: SEATS,
      applicationIds: [S, W],
      votes: [
        { applicationId: S, memberSubject: 'a' },
        { applicationId: S, memberSubject: 'c' },
        { applicationId: W, memberSubject: 'b' },
      ],
      decided: false,
    });
    expect(agenda.items).toEqual([
      { applicationId: S, dueOn: null, awaiting: ['b'] },
      { applicationId: W, dueOn: null, awaiting: ['a', 'c'] },
    ]);
    expect(agenda.closed).toBe(false);
  });

  it('C-20: once the protocol is recorded the agenda is closed with no items', () => {
    expect(commissionAgenda({ seats: SEATS, applicationIds: [S, W], votes: [], decided: true })).toEqual({ members: ['a', 'b', 'c'], items: [], closed: true });
  });
});
