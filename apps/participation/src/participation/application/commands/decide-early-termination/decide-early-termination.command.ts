import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type EarlyTermination } from '../../../domain/early-termination.aggregate.js';

export class DecideEarlyTerminationCommand extends Command<EarlyTermination> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly input: { decision: 'terminate' | 'continue'; protocolNumber: string; decidedOn: string },
  ) {
    super();
  }
}
