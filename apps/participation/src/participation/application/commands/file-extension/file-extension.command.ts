import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type Extension } from '../../../domain/extension.aggregate.js';

/** F-25: the participant (or the Fund on its behalf) applies to extend the term. */
export class FileExtensionCommand extends Command<Extension> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly requestedTermEnd: string,
  ) {
    super();
  }
}
