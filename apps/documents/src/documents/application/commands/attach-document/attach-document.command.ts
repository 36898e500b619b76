import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';

/** Attach a verified document to what it was uploaded for (`<context>/<thing>/<id>`): it is immutable from then on. */
export class AttachDocumentCommand extends Command<void> {
  constructor(
    readonly documentId: string,
    readonly to: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
