import { RuleViolationError } from '@hub/kernel';
import type { Affiliation } from '../commission-member.js';

/**
 * F-69: the Independent Commission consists of the Fund's representatives, state bodies and/or ICT
 * and education specialists, with international experts. Read as (ADR 0072): at least one member of
 * the Fund, at least one of a state body or an ICT or education specialist, at least one
 * international expert. Checked before the Commission decides.
 */
export const COMMISSION_COMPOSITION_RULE = 'F-69';

export function assertCommissionComposition(members: readonly { affiliation: Affiliation }[]): void {
  const has = (...a: Affiliation[]) => members.some((m) => a.includes(m.affiliation));
  const missing = [
    has('fund') ? null : 'a representative of the Fund',
    has('state-body', 'ict-specialist', 'education-specialist') ? null : 'a state body or an ICT or education specialist',
    has('international-expert') ? null : 'an international expert',
  ].filter((x): x is string => x !== null);
  if (missing.length > 0) throw new RuleViolationError(COMMISSION_COMPOSITION_RULE, `the Independent Commission lacks ${missing.join(', ')}`, { missing });
}
