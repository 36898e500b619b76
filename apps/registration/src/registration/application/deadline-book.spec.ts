import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { ManualClock } from '@hub/kernel';
import type { Timers } from '@hub/messaging';
import { referenceData } from '@hub/reference-data';
import { DeadlineBook } from './deadline-book.js';

// dueDate() is pure: the calendar and the reference-data lengths (no database, no timers).
const book = new DeadlineBook(undefined as unknown as Timers, new ManualClock('2026-11-16T04:00:00Z'), kzCalendar(), referenceData());

describe('deadline lengths on the Kazakh working-day calendar', () => {
  it('F-12/F-14: the completeness review is due 5 WD after filing (weekend skipped)', () => {
    expect(book.dueDate('completeness-review', '2026-11-20')).toBe('2026-11-27'); // Fri → next Fri
    expect(book.dueDate('completeness-review', '2026-11-21')).toBe('2026-11-27'); // filed on a Saturday
  });

  it('F-12: Nauryz 2026 (21–23 March, the weekend days moved to 24–25 March) is skipped', () => {
    expect(book.dueDate('completeness-review', '2026-03-20')).toBe('2026-04-01');
  });

  it('F-15: the Commission decision is due 10 WD after sending, skipping 16 December', () => {
    expect(book.dueDate('commission-decision', '2026-12-10')).toBe('2026-12-25');
  });

  it('F-17: notification within 5 WD of the decision', () => {
    expect(book.dueDate('decision-notification', '2026-11-25')).toBe('2026-12-02');
  });

  it('F-18/F-19: certificate and listing within 3 WD of signing', () => {
    expect(book.dueDate('certificate', '2026-11-26')).toBe('2026-12-01');
    expect(book.dueDate('registry-listing', '2026-11-26')).toBe('2026-12-01');
  });

  it('F-20: the activity-change decision is due 10 WD after receipt', () => {
    expect(book.dueDate('activity-change-decision', '2026-11-16')).toBe('2026-11-30');
  });

  it('working days left are negative once the due date has passed', () => {
    expect(book.workingDaysLeft('2026-11-20')).toBe(4);
    expect(book.workingDaysLeft('2026-11-13')).toBe(-1);
  });

  it('a deadline is overdue only after its due moment while open', () => {
    expect(book.isOverdue({ status: 'open', dueAt: new Date('2026-11-16T03:59:59Z') })).toBe(true);
    expect(book.isOverdue({ status: 'met', dueAt: new Date('2026-11-10T00:00:00Z') })).toBe(false);
    expect(book.isOverdue({ status: 'open', dueAt: new Date('2026-11-16T19:00:00Z') })).toBe(false);
  });
});
