import type { IsoDate } from '@hub/calendar';
import { IllegalStateError } from '@hub/kernel';
import type { Mutable } from '../../intakes/domain/mutable.js';

/** F-69: who sits on the Independent Commission — the Fund, state bodies, ICT and education specialists, international experts. */
export const AFFILIATIONS = ['fund', 'state-body', 'ict-specialist', 'education-specialist', 'international-expert'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** A member's declaration of conflicts of interest, made before seeing any application. */
export interface ConflictDeclaration {
  readonly hasConflict: boolean;
  /** The applicants (BINs) the member is conflicted with: never shown to the member, no vote on them. */
  readonly conflictingBins: readonly string[];
  readonly statement: string;
  readonly declaredOn: IsoDate;
  readonly declaredAt: Date;
}

/** One member of an intake's Independent Commission (F-69), identified by the subject of their token. */
export class CommissionMember {
  readonly id!: string;
  readonly intakeId!: string;
  readonly subject!: string;
  readonly fullName!: string;
  readonly affiliation!: Affiliation;
  readonly declaration!: ConflictDeclaration | null;
  readonly appointedBy!: string;
  readonly appointedAt!: Date;
  readonly version!: number;

  private get m(): Mutable<CommissionMember> {
    return this;
  }

  static appoint(input: {
    id: string;
    intakeId: string;
    subject: string;
    fullName: string;
    affiliation: Affiliation;
    appointedBy: string;
    at: Date;
  }): CommissionMember {
    const { at, ...rest } = input;
    const m = new CommissionMember();
    Object.assign(m, { ...rest, declaration: null, appointedAt: at });
    return m;
  }

  /** The conflict-of-interest declaration: once, before the member sees any application. */
  declare(input: { hasConflict: boolean; conflictingBins: readonly string[]; statement: string; on: IsoDate; at: Date }): void {
    if (this.declaration) throw new IllegalStateError('commission member', 'declared', 'declare again', 'the declaration is made once');
    this.m.declaration = {
      hasConflict: input.hasConflict || input.conflictingBins.length > 0,
      conflictingBins: [...new Set(input.conflictingBins)],
      statement: input.statement,
      declaredOn: input.on,
      declaredAt: input.at,
    };
  }
}
