import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';

/** The client says its PUT is done: the server verifies the bytes (ADR 0045). */
export class CompleteUploadCommand extends Command<void> {
  constructor(
    readonly documentId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
