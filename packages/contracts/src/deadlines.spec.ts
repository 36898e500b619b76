import { describe, expect, it } from 'vitest';
import { type DeadlinesPage, DeadlinesPageQuerySchema, decodeDeadlineCursor, encodeDeadlineCursor, pageDeadlines } from './deadlines.js';

/** 2 500 open deadlines over 40 due dates, shuffled: more than any page, many ties on the date. */
const ALL = Array.from({ length: 2500 }, (_, i) => ({
  kind: i % 3 === 0 ? 'fee' : 'report',
  subjectId: `s-${String((i * 7919) % 2500).padStart(4, '0')}`,
  dueDate: `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(10 + (i % 4)).padStart(2, '0')}`,
  overdue: i % 5 === 0,
  bin: i % 2 === 0 ? '111111111111' : '222222222222',
}));
const key = (d: (typeof ALL)[number]) => `${d.kind}:${d.subjectId}`;
const q = (raw: Record<string, string>) => DeadlinesPageQuerySchema.parse(raw);

describe('the paged deadlines contract (ADR 0047)', () => {
  it('a cursor round-trips, and a text that is not one is refused by the query schema', () => {
    const c = encodeDeadlineCursor('2026-11-30T18:59:59.999Z', 'completeness-review:ÄÖ 1');
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDeadlineCursor(c)).toEqual(['2026-11-30T18:59:59.999Z', 'completeness-review:ÄÖ 1']);
    expect(decodeDeadlineCursor('not a cursor!')).toBeNull();
    expect(decodeDeadlineCursor(btoa('{"a":1}'))).toBeNull();
    const bad = DeadlinesPageQuerySchema.safeParse({ after: 'eyJ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['after']);
    expect(DeadlinesPageQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
  });

  it('walking nextCursor reaches every one of 2 500 deadlines exactly once, in (due date, key) order, with the counts on every page', () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: DeadlinesPage<(typeof ALL)[number]> = pageDeadlines(ALL, q({ limit: '333', ...(after ? { after } : {}) }), key);
      expect(page.total).toBe(2500);
      expect(page.overdueCount).toBe(500);
      expect(page.items.length).toBeLessThanOrEqual(333);
      seen.push(...page.items.map((d) => `${d.dueDate}|${key(d)}`));
      after = page.nextCursor;
      pages += 1;
    } while (after);
    expect(pages).toBe(Math.ceil(2500 / 333));
    expect(new Set(seen).size).toBe(2500);
    expect(seen).toEqual(ALL.map((d) => `${d.dueDate}|${key(d)}`).sort());
  });

  it('an item’s own cursor resumes right after it; filters select before paging and the counts follow them', () => {
    const first = pageDeadlines(ALL, q({ limit: '10', bin: '111111111111', overdue: 'true', dueBefore: '2026-05-31' }), key);
    expect(first.items.every((d) => d.bin === '111111111111' && d.overdue && d.dueDate <= '2026-05-31')).toBe(true);
    const expected = ALL.filter((d) => d.bin === '111111111111' && d.overdue && d.dueDate <= '2026-05-31');
    expect(first.total).toBe(expected.length);
    expect(first.overdueCount).toBe(expected.length);
    const resumed = pageDeadlines(ALL, q({ limit: '3', bin: '111111111111', overdue: 'true', dueBefore: '2026-05-31', after: first.items[4]!.cursor }), key);
    expect(resumed.items.map(key)).toEqual(first.items.slice(5, 8).map(key));
    const last = pageDeadlines(ALL, q({ limit: '1000', bin: '111111111111', overdue: 'true', dueBefore: '2026-05-31' }), key);
    expect(last.nextCursor).toBeNull();
  });
});
