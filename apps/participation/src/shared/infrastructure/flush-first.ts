import { FlushMode } from '@mikro-orm/core';

/**
 * Query option of every repository read (ADR 0035 §4, ADR 0036's lost-update note): flush the unit of
 * work's pending changes BEFORE the query runs. MikroORM 7 (flushMode `auto`) does not flush changed
 * managed entities before a query; a query that returns an aggregate this unit of work already
 * changed merges the row into it — the optimistic-lock `version` is refreshed from the database
 * while the in-memory changes are kept — so the final flush no longer notices a change committed
 * meanwhile by another request and overwrites it (lost update; reproduced in
 * test/reread-after-change.int.spec.ts). Flushing first checks the version at that point instead:
 * a concurrent change is a 409 (`concurrent-change`) as it should be. A read served from the
 * identity map (by id, already loaded) runs no query and is unaffected.
 */
export const FLUSH_FIRST = { flushMode: FlushMode.ALWAYS } as const;
