import { ConflictError } from '@hub/kernel';
import { F57 } from './f57-premises-for-participants.rule.js';

/** The problem code of a second open premises request of one company (409, ADR 0053 amendment of 2026-12-06). */
export const PREMISES_REQUEST_OPEN = 'premises-request-open';

/**
 * F-57 (ADR 0053, amendment 2026-12-06): a company has at most ONE open premises request (status
 * `requested`) — the housing manager answers it (allocates premises) before the company asks again.
 * Allocated leases do not count: a participant in use of premises may ask for more.
 *
 * This check gives the friendly answer; the database guarantees it under concurrent requests with the
 * partial unique index `housing_premises_lease_one_open_request` on (bin) where status = 'requested'
 * (migration `Migration20261207020000_one_open_premises_request`), whose violation is the same 409.
 */
export function assertNoOpenRequest(bin: string, openRequestId: string | null): void {
  if (openRequestId !== null) throw openRequestConflict(bin, openRequestId);
}

/** The 409 (the BIN is the company's, not personal data — F-42); both are null when the database decided a race. */
export const openRequestConflict = (bin: string | null, openRequestId: string | null): ConflictError =>
  new ConflictError(
    PREMISES_REQUEST_OPEN,
    `${bin ? `the company ${bin}` : 'the company'} already has an open premises request; wait for the housing manager's answer or withdraw it`,
    {
      ruleId: F57,
      ...(openRequestId ? { openRequestId } : {}),
    },
  );
