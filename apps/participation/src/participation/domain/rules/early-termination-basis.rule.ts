import { GROUND_NUMBER, type EarlyTerminationGround } from '@hub/contracts';
import { RuleViolationError } from '@hub/kernel';

/** The record an early-termination ground rests on, as this rule needs to see it (loaded by the application). */
export type TerminationBasis =
  | { readonly kind: 'monitoring-conclusion'; readonly conclusion: 'expedient' | 'not-expedient' }
  | { readonly kind: 'quarterly-report'; readonly status: string }
  | { readonly kind: 'information-request'; readonly status: string; readonly informationKind: string }
  | { readonly kind: 'audit-obligation'; readonly status: string }
  | { readonly kind: 'corporate-notice'; readonly noticeKind: 're-registration' | 'liquidation' }
  | { readonly kind: 'membership-fee'; readonly status: string };

/** F-38: the extra documents the Fund asks for in monitoring — the only request whose silence is ground (4). */
export const MONITORING_REQUEST_KINDS: readonly string[] = ['additional-documents'];

/**
 * F-28: the grounds the Fund decides on rest on a record of this participation that proves them —
 * (1) a "not expedient" monitoring conclusion (F-40), (4) the information and reports of F-37, F-38
 * and F-39 only: an overdue quarterly report (F-37, F-39) or an overdue request for extra documents in
 * monitoring (F-38), (5) a liquidation notice (F-34), (6) an overdue membership fee (F-21). An
 * unanswered F-32 request (tax and accounting information, statistical reports, declarations, the audit
 * opinion on the financial statements) or a missing F-33 audit opinion/report is a breach of the
 * standard contract — ground (7), which the Commission decides (F-30); a (7) case may name such a record
 * (then it must be overdue) or none. Grounds (2) and (3) need none.
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
      if (basis?.kind === 'audit-obligation' || (basis?.kind === 'information-request' && !MONITORING_REQUEST_KINDS.includes(basis.informationKind))) {
        throw new RuleViolationError(
          'F-28(4)',
          'ground (4) covers only the reports and information of F-37, F-38 and F-39; an unanswered F-32 request or a missing F-33 audit opinion is a breach of the contract — ground (7), which goes to the Commission (F-30)',
          { field: 'basisId', ground: 'contract-breach' },
        );
      }
      if ((basis?.kind !== 'quarterly-report' && basis?.kind !== 'information-request') || basis.status !== 'overdue')
        throw need('an overdue quarterly report (F-37, F-39) or request for extra documents in monitoring (F-38)');
      return;
    case 'liquidation':
      if (basis?.kind !== 'corporate-notice' || basis.noticeKind !== 'liquidation') throw need('a liquidation notice (F-34)');
      return;
    case 'membership-fees-not-paid':
      if (basis?.kind !== 'membership-fee' || basis.status !== 'overdue') throw need('an overdue membership fee (F-21)');
      return;
    case 'contract-breach':
      if (basis === null) return;
      if ((basis.kind !== 'information-request' && basis.kind !== 'audit-obligation') || basis.status !== 'overdue')
        throw need('an overdue F-32 request or F-33 audit opinion (or no basis record)');
      return;
    case 'planned-results-achieved':
    case 'voluntary-withdrawal':
      return;
  }
}
