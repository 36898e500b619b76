// The staff console's early-termination form (issue #11, F-28 … F-30): which grounds the Fund opens,
// which of this participation's records each ground can rest on (participation's rule
// early-termination-basis.rule.ts decides; this only offers the records it would accept), where the
// Commission decides (F-30), and the field a refusal names. Plain functions: unit-tested without a page.
import { EarlyTerminationGroundSchema, GROUND_NUMBER, type EarlyTerminationGround } from '@hub/contracts';

/** F-28: the grounds the Fund opens; (3), the participant's own withdrawal with 10 WD notice (F-29), is the participant's (its page). */
export const FUND_GROUNDS: readonly EarlyTerminationGround[] = EarlyTerminationGroundSchema.options.filter((g) => g !== 'voluntary-withdrawal');

/** F-30: on grounds (1), (2) and (7) the Fund brings early termination to the Commission, which decides. */
export const COMMISSION_GROUNDS: readonly EarlyTerminationGround[] = ['monitoring-not-expedient', 'planned-results-achieved', 'contract-breach'];
export const goesToCommission = (ground: EarlyTerminationGround): boolean => COMMISSION_GROUNDS.includes(ground);
/** The same, by the number of the ground in F-28 (the cases list has the number). */
export const commissionDecides = (groundNumber: number): boolean => COMMISSION_GROUNDS.some((g) => GROUND_NUMBER[g] === groundNumber);

/** F-38: the extra documents the Fund asks for in monitoring — the only request whose silence is ground (4); the other (F-32) ones are (7). */
const MONITORING_REQUEST_KINDS: readonly string[] = ['additional-documents'];

/** This participation's records, as the staff console has them. */
export interface TerminationRecords {
  readonly conclusions?: readonly { id: string; project: string; periodFrom: string; periodTo: string; conclusion: string }[];
  readonly reports?: readonly { id: string; year: number; quarter: number; dueDate: string; status: string }[];
  readonly requests?: readonly { id: string; kind: string; dueDate: string; status: string }[];
  readonly audits?: readonly { id: string; financialYear: number; dueDate: string; status: string }[];
  readonly notices?: readonly { id: string; participationId: string; kind: string; eventDate: string }[];
  readonly fees?: readonly { id: string; year: number; quarter: number; dueDate: string; status: string }[];
}

/** One record a ground may rest on, with what its label needs. */
export type BasisChoice =
  | { readonly id: string; readonly kind: 'monitoring-conclusion'; readonly project: string; readonly from: string; readonly to: string }
  | { readonly id: string; readonly kind: 'quarterly-report' | 'membership-fee'; readonly year: number; readonly quarter: number; readonly due: string }
  | { readonly id: string; readonly kind: 'information-request'; readonly requestKind: string; readonly due: string }
  | { readonly id: string; readonly kind: 'audit-obligation'; readonly year: number; readonly due: string }
  | { readonly id: string; readonly kind: 'corporate-notice'; readonly date: string };

/** Whether a ground needs a record (`required`), may name one (`optional`, ground 7) or names none. */
export type BasisNeed = 'required' | 'optional' | 'none';

export function basisNeed(ground: EarlyTerminationGround): BasisNeed {
  switch (ground) {
    case 'monitoring-not-expedient':
    case 'reports-not-submitted':
    case 'liquidation':
    case 'membership-fees-not-paid':
      return 'required';
    case 'contract-breach':
      return 'optional';
    case 'planned-results-achieved':
    case 'voluntary-withdrawal':
      return 'none';
  }
}

/**
 * F-28: the records of this participation a ground can rest on — (1) a "not expedient" monitoring
 * conclusion (F-40); (4) an overdue quarterly report (F-37, F-39) or an overdue request for extra
 * documents in monitoring (F-38); (5) a liquidation notice (F-34); (6) an overdue fee (F-21);
 * (7) optionally an overdue F-32 request or F-33 audit opinion. Grounds (2) and (3) rest on none.
 */
export function basisChoices(ground: EarlyTerminationGround, records: TerminationRecords, participationId: string): BasisChoice[] {
  const overdue = <T extends { status: string }>(rows: readonly T[] | undefined) => (rows ?? []).filter((r) => r.status === 'overdue');
  const reports = () =>
    overdue(records.reports).map((r): BasisChoice => ({ id: r.id, kind: 'quarterly-report', year: r.year, quarter: r.quarter, due: r.dueDate }));
  const requests = (monitoring: boolean) =>
    overdue(records.requests)
      .filter((r) => MONITORING_REQUEST_KINDS.includes(r.kind) === monitoring)
      .map((r): BasisChoice => ({ id: r.id, kind: 'information-request', requestKind: r.kind, due: r.dueDate }));
  switch (ground) {
    case 'monitoring-not-expedient':
      return (records.conclusions ?? [])
        .filter((c) => c.conclusion === 'not-expedient')
        .map((c) => ({ id: c.id, kind: 'monitoring-conclusion', project: c.project, from: c.periodFrom, to: c.periodTo }));
    case 'reports-not-submitted':
      return [...reports(), ...requests(true)];
    case 'liquidation':
      return (records.notices ?? [])
        .filter((n) => n.participationId === participationId && n.kind === 'liquidation')
        .map((n) => ({ id: n.id, kind: 'corporate-notice', date: n.eventDate }));
    case 'membership-fees-not-paid':
      return overdue(records.fees).map((f) => ({ id: f.id, kind: 'membership-fee', year: f.year, quarter: f.quarter, due: f.dueDate }));
    case 'contract-breach':
      return [
        ...requests(false),
        ...overdue(records.audits).map((a): BasisChoice => ({ id: a.id, kind: 'audit-obligation', year: a.financialYear, due: a.dueDate })),
      ];
    case 'planned-results-achieved':
    case 'voluntary-withdrawal':
      return [];
  }
}

/** A refusal of a rule of the Fund that names one field (`rule.F-28(n)` with `field: basisId`): where to show it, and which ground it points to. */
export interface RuleFieldProblem {
  readonly field: string;
  readonly ruleId: string;
  /** F-28(4): the record is a breach of the contract — the ground it suggests instead. */
  readonly ground?: string;
}

/** The rule, field and suggested ground of a problem+json body (`rule.F-28(n)`, `field`, `ground`), or null when it names no field. */
export function ruleFieldProblem(problem: unknown): RuleFieldProblem | null {
  if (typeof problem !== 'object' || problem === null) return null;
  const p = problem as { code?: unknown; field?: unknown; ruleId?: unknown; ground?: unknown };
  if (typeof p.code !== 'string' || !p.code.startsWith('rule.') || typeof p.field !== 'string') return null;
  return {
    field: p.field,
    ruleId: typeof p.ruleId === 'string' ? p.ruleId : p.code.slice('rule.'.length),
    ...(typeof p.ground === 'string' ? { ground: p.ground } : {}),
  };
}
