import { describe, expect, it } from 'vitest';
import { IllegalStateError } from '@hub/kernel';
import { backoffAfter } from './delivery-policy.js';
import { type ComposeInput, Message, contentHashOf } from './message.aggregate.js';

const at = new Date('2026-11-16T04:00:00Z');
const policy = { maxAttempts: 3, backoffBaseMs: 1000, backoffMaxMs: 3000 };
const input = (over: Partial<ComposeInput> = {}): ComposeInput => ({
  sourceEventId: '0194f3a0-0000-7000-8000-0000000000a1',
  sourceEventType: 'registration.decision-made',
  template: 'registration.decision-made.register',
  ruleId: 'F-17',
  statutory: true,
  subjectId: '0194f3a0-0000-7000-8000-0000000000a2',
  bin: '180440000019',
  role: 'applicant',
  channel: 'email',
  address: 'a@b.kz',
  language: 'kk',
  subject: 'S',
  body: 'B',
  dueOn: '2026-11-20',
  at,
  ...over,
});

describe('Message (ADR 0091): the delivery state machine', () => {
  it('backoff doubles from the base and stops at the maximum', () => {
    expect([1, 2, 3, 4].map((n) => backoffAfter(n, policy))).toEqual([1000, 2000, 3000, 3000]);
  });

  it('an e-mail is pending and due at once; delivered records the F-17 proof once', () => {
    const m = Message.compose(input());
    expect([m.status, m.nextAttemptAt]).toEqual(['pending', at]);
    m.delivered(new Date(at.getTime() + 5), '250 OK');
    expect([m.status, m.attempts, m.nextAttemptAt]).toEqual(['sent', 1, null]);
    expect(m.pullEvents()).toEqual([
      expect.objectContaining({ name: 'NoticeDelivered', ruleId: 'F-17', channel: 'email', contentHash: contentHashOf('kk', 'S', 'B') }),
    ]);
    expect(() => m.delivered(at, 'again')).toThrow(IllegalStateError);
    expect(() => m.failed(at, 'x', false, policy)).toThrow(IllegalStateError);
  });

  it('fails into backoff, then dead-letters with the reason on the last attempt; a 5xx at once', () => {
    const m = Message.compose(input());
    expect(m.failed(at, 'ECONNREFUSED', false, policy)).toBe('retry');
    expect(m.nextAttemptAt).toEqual(new Date(at.getTime() + 1000));
    expect(m.failed(at, 'ECONNREFUSED', false, policy)).toBe('retry');
    expect(m.failed(at, '451 later', false, policy)).toBe('dead');
    expect([m.status, m.attempts, m.lastError, m.nextAttemptAt]).toEqual(['dead', 3, '451 later', null]);
    expect(m.pullEvents().map((e) => e.name)).toEqual(['MessageDeadLettered']);
    const refused = Message.compose(input());
    expect(refused.failed(at, '550 no such mailbox', true, policy)).toBe('dead');
  });

  it('a portal message is unread until read; reading twice records the delivery once', () => {
    const m = Message.compose(input({ channel: 'portal', address: 'ignored@x.kz' }));
    expect([m.status, m.address, m.nextAttemptAt]).toEqual(['unread', null, null]);
    m.read(at);
    m.read(new Date(at.getTime() + 1000));
    expect([m.status, m.readAt]).toEqual(['read', at]);
    expect(m.pullEvents().map((e) => [e.name, (e as { channel?: string }).channel])).toEqual([['NoticeDelivered', 'portal']]);
  });

  it('a reminder (not statutory) records no delivery fact; an e-mail without an address is refused', () => {
    const m = Message.compose(input({ statutory: false, ruleId: null }));
    m.delivered(at, '250');
    expect(m.pullEvents()).toEqual([]);
    expect(() => Message.compose(input({ address: null }))).toThrow(/address/);
  });
});

describe('Message (ADR 0104): a dead letter resent by staff', () => {
  it('dead → pending at once with a fresh count, to the given address, the content hash unchanged; recorded who and how often', () => {
    const m = Message.compose(input({ channel: 'email', address: 'typo@alatau.kz' }));
    expect(m.failed(at, '550 no such mailbox', true, policy)).toBe('dead');
    const hash = m.contentHash;
    const later = new Date(at.getTime() + 60_000);
    m.resend(later, 'office@alatau.kz', 'officer-7');
    expect(m).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: later,
      lastError: null,
      address: 'office@alatau.kz',
      resendCount: 1,
      resentBy: 'officer-7',
    });
    expect(m.contentHash).toBe(hash);
  });
  it('a pending or sent e-mail and a portal message are not resent', () => {
    const pending = Message.compose(input({ channel: 'email', address: 'a@b.kz' }));
    expect(() => pending.resend(at, 'a@b.kz', 'x')).toThrow(IllegalStateError);
    pending.delivered(at, '250 ok');
    expect(() => pending.resend(at, 'a@b.kz', 'x')).toThrow(IllegalStateError);
    expect(() => Message.compose(input({ channel: 'portal', address: null })).resend(at, 'a@b.kz', 'x')).toThrow(IllegalStateError);
  });
});
