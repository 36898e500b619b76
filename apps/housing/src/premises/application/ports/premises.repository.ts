import type { IsoDate } from '@hub/calendar';
import type { DeadlineView } from '../../../acceleration/application/ports/acceleration.read-model.js';
import type { PremisesLease } from '../../domain/premises-lease.aggregate.js';

/** Port (ADR 0035 §4): premises leases, inside a unit of work. */
export abstract class PremisesLeaseRepository {
  /** The lease, or NotFoundError (404). */
  abstract get(id: string): Promise<PremisesLease>;
  /** Leases of the participant that are requested or in use. */
  abstract liveOf(participantId: string): Promise<PremisesLease[]>;
  /** F-57 (ADR 0053 amendment): the id of the company's open (`requested`) premises request, or null. */
  abstract openRequestOf(bin: string): Promise<string | null>;
  abstract add(lease: PremisesLease): void;
  /**
   * Writes now, so that the constraints speak here: premises let for an overlapping period are
   * ConflictError('place-taken'); a second open request of one company is ConflictError('premises-request-open').
   */
  abstract flush(): Promise<void>;
}

export interface PremisesLeaseView {
  readonly id: string;
  readonly participantId: string;
  readonly bin: string;
  readonly premisesKind: string;
  readonly unitId: string | null;
  readonly status: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly releaseReason: string | null;
  readonly handBackBy: string | null;
  readonly handBackOverdue: boolean;
  readonly handoverAct: unknown;
}

/**
 * ADR 0124 (ADR 0053): a scan of a lease's act that housing knows of — the company's verified
 * `handover-act` documents as documents reported them: `attached` to this lease (by the signed act),
 * `named` by the lease's act and not yet reported attached, or `available` (verified, attached to
 * nothing yet: a scan the act may name). The bytes and the file name stay in documents.
 */
export interface PremisesScanView {
  readonly documentId: string;
  readonly kind: string;
  readonly sha256: string;
  readonly verifiedAt: string;
  readonly state: 'attached' | 'named' | 'available';
}

export abstract class PremisesLeaseReadModel {
  /** ADR 0124: the scans housing knows for the lease (see PremisesScanView), attached and named first. */
  abstract scans(lease: PremisesLeaseView): Promise<PremisesScanView[]>;
  abstract find(id: string): Promise<PremisesLeaseView | null>;
  abstract list(filter: { bins?: readonly string[] }): Promise<PremisesLeaseView[]>;
  /** ADR 0053: every open hand-back — released leases awaiting the act, and leases whose term ended (last day before `today`) unreleased. */
  abstract handBackDeadlines(today: IsoDate): Promise<DeadlineView[]>;
}
