import { Command } from '@nestjs/cqrs';
import { type Actor, type EarlyTerminationGround } from '@hub/contracts';
import { type EarlyTermination } from '../../../domain/early-termination.aggregate.js';

export class OpenEarlyTerminationCommand extends Command<EarlyTermination> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly input: { ground: EarlyTerminationGround; reason: string; withdrawalDate?: string | undefined; basisId?: string | undefined },
  ) {
    super();
  }
}
