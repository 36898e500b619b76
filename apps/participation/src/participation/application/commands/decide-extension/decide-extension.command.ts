import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type Extension } from '../../../domain/extension.aggregate.js';

/** F-25: the Fund decides; approval issues the Annex 3 certificate and moves the planned end. */
export class DecideExtensionCommand extends Command<Extension> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly extensionId: string,
    readonly decision: 'approve' | 'reject',
    readonly reason?: string,
  ) {
    super();
  }
}
