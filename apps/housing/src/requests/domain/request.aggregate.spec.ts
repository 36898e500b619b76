import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '@hub/kernel';
import { HousingRequest } from './request.aggregate.js';
import { OPEN_REQUESTS_LIMIT } from './rules/open-requests-limit.rule.js';

const at = new Date('2026-11-16T04:00:00Z');
const open = (openRequestsOfCompany = 0) =>
  HousingRequest.open({
    id: '0194f3a0-0000-7000-8000-000000000001',
    bin: '180440000019',
    subject: 'A first request',
    openedOn: '2026-11-16',
    at,
    openRequestsOfCompany,
  });

describe('HousingRequest', () => {
  it('opens with a review due date and records RequestOpened', () => {
    const r = open();
    expect(r.status).toBe('open');
    expect(r.reviewDueOn).toBe('2026-11-26');
    expect(r.pullEvents()).toEqual([
      { name: 'RequestOpened', aggregateId: r.id, occurredAt: at, bin: '180440000019', subject: 'A first request', reviewDueOn: '2026-11-26' },
    ]);
  });

  it('F-00 (placeholder): a company may not open more than the limit of requests', () => {
    expect(() => open(OPEN_REQUESTS_LIMIT - 1)).not.toThrow();
    expect(() => open(OPEN_REQUESTS_LIMIT)).toThrow(RuleViolationError);
    expect(() => open(OPEN_REQUESTS_LIMIT)).toThrow(/F-00/);
  });

  it('refuses an empty subject', () => {
    expect(() => HousingRequest.open({ id: 'x', bin: '180440000019', subject: '  ', openedOn: '2026-11-16', at, openRequestsOfCompany: 0 })).toThrow(
      ValidationError,
    );
  });

  it('becomes overdue once, recording RequestBecameOverdue once', () => {
    const r = open();
    r.pullEvents();
    const later = new Date('2026-11-27T00:00:00Z');
    r.markOverdue(later);
    r.markOverdue(later);
    expect(r.status).toBe('overdue');
    expect(r.pullEvents().map((e) => e.name)).toEqual(['RequestBecameOverdue']);
  });
});
