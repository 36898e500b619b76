import { GROUND_NUMBER, type EarlyTerminationGround } from '@hub/contracts';
import { RuleViolationError } from '@hub/kernel';

/** The record an early-termination ground rests on, as this rule needs to see it (loaded by the application). */
export type TerminationBasis =
  | { readonly kind: 'monitoring-conclusion'; readonly conclusion: 'expedient' | 'not-expedient' }
  | { readonly kind: 'quarterly-report'; readonly status: string }
  | { readonly kind: 'information-request'; readonly status: string }
  | { readonly kind: 'corporate-notice'; readonly noticeKind: 're-registration' | 'liquidation' }
  | { readonly kind: 'membership-fee'; readonly status: string };

/**
 * F-28: the grounds the Fund decides on rest on a record of this participation that proves them —
 * (1) a "not expedient" monitoring conclusion (F-40), (4) an overdue quarterly report (F-37, F-39)
 * or information request (F-38), (5) a liquidation notice (F-34), (6) an overdue membership fee
 * (F-21). Grounds (2), (3) and (7) need none (the Commission or the participant's notice decides).
 * `basis` is the record `basisId` names, or null when there is none of this participation.
 */
export function assertTerminationBasis(ground: EarlyTerminationGround, basis: TerminationBasis | null): void {
  const need = (what: string) =>
    new RuleViolationError(`F-28(${GROUND_NUMBER[ground]})`, `ground (${GROUND_NUMBER[ground]}) needs basisId: ${what} of this participation`, {
      field: 'basisId',
    });
  switch (ground) {
    case 'monitoring-not-expedient':
      if (basis?.kind !== 'monitoring-conclusion' || basis.conclusion !== 'not-expedient') throw need('a monitoring conclusion "not expedient" (F-40)');
      return;
    case 'reports-not-submitted':
      if ((basis?.kind !== 'quarterly-report' && basis?.kind !== 'information-request') || basis.status !== 'overdue')
        throw need('an overdue quarterly report (F-37, F-39) or information request (F-38)');
      return;
    case 'liquidation':
      if (basis?.kind !== 'corporate-notice' || basis.noticeKind !== 'liquidation') throw need('a liquidation notice (F-34)');
      return;
    case 'membership-fees-not-paid':
      if (basis?.kind !== 'membership-fee' || basis.status !== 'overdue') throw need('an overdue membership fee (F-21)');
      return;
    case 'planned-results-achieved':
    case 'voluntary-withdrawal':
    case 'contract-breach':
      return;
  }
}
