import type { TerminationBasis } from '../../domain/rules/early-termination-basis.rule.js';

/**
 * F-28: the record a ground rests on, looked up among this participation's monitoring conclusions,
 * quarterly reports, information requests, corporate notices and membership fees (the other modules
 * own them; this port reads what the rule needs and nothing else).
 */
export abstract class TerminationBasisReader {
  abstract find(participationId: string, basisId: string): Promise<TerminationBasis | null>;
}
