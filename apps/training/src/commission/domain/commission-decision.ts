import type { IsoDate } from '@hub/calendar';
import type { QuotaCalculation } from './quota/quota-formula.js';

/** The protocol of the Commission's meeting on an intake (F-72): members, declarations, every vote, every outcome. */
export interface CommissionProtocol {
  readonly intakeId: string;
  readonly decidedOn: IsoDate;
  readonly members: readonly {
    memberId: string;
    fullName: string;
    affiliation: string;
    declaredOn: IsoDate | null;
    hasConflict: boolean;
    conflictingBins: readonly string[];
  }[];
  readonly applications: readonly {
    applicationId: string;
    bin: string;
    presentationAt: string | null;
    votes: readonly { memberId: string; choice: string; score: number; reason: string }[];
    admitVotes: number;
    refuseVotes: number;
    outcome: 'admitted' | 'rejected';
    quotas: number | null;
    reasons: readonly string[];
  }[];
}

/** The Commission's decision on an intake: written once (one per intake), with the quota calculation and its input snapshot (F-73). */
export class CommissionDecision {
  readonly id!: string;
  readonly intakeId!: string;
  readonly decidedOn!: IsoDate;
  readonly decidedBy!: string;
  readonly decidedAt!: Date;
  readonly calculation!: QuotaCalculation;
  readonly protocol!: CommissionProtocol;

  static record(input: {
    id: string;
    intakeId: string;
    decidedOn: IsoDate;
    decidedBy: string;
    at: Date;
    calculation: QuotaCalculation;
    protocol: CommissionProtocol;
  }): CommissionDecision {
    const { at, ...rest } = input;
    const d = new CommissionDecision();
    Object.assign(d, { ...rest, decidedAt: at });
    return d;
  }
}
