import { describe, expect, it } from 'vitest';
import { Deadline } from '../../domain/deadline.aggregate.js';
import { KzWorkingDayDeadlinePolicy, PackageReferenceValues } from './reference-adapters.js';

// The deadline policy is pure: the Kazakh calendar and the reference-data lengths (no database, no timers).
const policy = new KzWorkingDayDeadlinePolicy(new PackageReferenceValues());

describe('deadline lengths on the Kazakh working-day calendar', () => {
  it('F-12/F-14: the completeness review is due 5 WD after filing (weekend skipped)', () => {
    expect(policy.dueDate('completeness-review', '2026-11-20')).toBe('2026-11-27'); // Fri → next Fri
    expect(policy.dueDate('completeness-review', '2026-11-21')).toBe('2026-11-27'); // filed on a Saturday
  });

  it('F-12: Nauryz 2026 (21–23 March, the weekend days moved to 24–25 March) is skipped', () => {
    expect(policy.dueDate('completeness-review', '2026-03-20')).toBe('2026-04-01');
  });

  it('F-15: the Commission decision is due 10 WD after sending, skipping 16 December', () => {
    expect(policy.dueDate('commission-decision', '2026-12-10')).toBe('2026-12-25');
  });

  it('F-17: notification within 5 WD of the decision', () => {
    expect(policy.dueDate('decision-notification', '2026-11-25')).toBe('2026-12-02');
  });

  it('F-18/F-19: certificate and listing within 3 WD of signing', () => {
    expect(policy.dueDate('certificate', '2026-11-26')).toBe('2026-12-01');
    expect(policy.dueDate('registry-listing', '2026-11-26')).toBe('2026-12-01');
  });

  it('F-20: the activity-change decision is due 10 WD after receipt', () => {
    expect(policy.dueDate('activity-change-decision', '2026-11-16')).toBe('2026-11-30');
  });

  it('working days left are negative once the due date has passed', () => {
    expect(policy.workingDaysLeft('2026-11-16', '2026-11-20')).toBe(4);
    expect(policy.workingDaysLeft('2026-11-16', '2026-11-13')).toBe(-1);
  });

  it('ADR 0013: a deadline is overdue only after its due moment while open; a missed deadline records DeadlineMissed once', () => {
    const now = new Date('2026-11-16T04:00:00Z');
    const open = (dueAt: string) =>
      Deadline.open({
        id: 'd',
        applicationId: 'a',
        bin: '180440000113',
        kind: 'completeness-review',
        startedOn: '2026-11-09',
        dueDate: '2026-11-15',
        dueAt: new Date(dueAt),
        at: now,
      });
    expect(open('2026-11-16T03:59:59Z').isOverdue(now)).toBe(true);
    expect(open('2026-11-16T19:00:00Z').isOverdue(now)).toBe(false);
    const met = open('2026-11-10T00:00:00Z');
    met.close(now);
    expect(met.isOverdue(now)).toBe(false);
    expect(met.markMissed(now)).toBe(false);
    const missed = open('2026-11-16T03:59:59Z');
    expect(missed.markMissed(now)).toBe(true);
    expect(missed.markMissed(now)).toBe(false);
    expect(missed.pullEvents()).toEqual([expect.objectContaining({ name: 'DeadlineMissed', ruleId: 'F-12', dueDate: '2026-11-15', applicationId: 'a' })]);
  });
});
