import type { EarlyTerminationGround } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';

/** Who opens an early termination: the Fund (any ground), or the participant itself. */
export type TerminationInitiator = 'fund' | 'participant';

/** F-28, F-29: the participant itself may only withdraw (ground 3); the Fund opens the other grounds. */
export function assertMayOpenOnGround(initiator: TerminationInitiator, ground: EarlyTerminationGround): void {
  if (initiator === 'participant' && ground !== 'voluntary-withdrawal') {
    throw new ForbiddenError('a participant may only withdraw (ground 3); the Fund opens the other grounds');
  }
}
