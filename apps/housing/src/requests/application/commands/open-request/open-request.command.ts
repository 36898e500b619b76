import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';

/** A company's representative opens a request. */
export class OpenRequestCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { readonly bin: string; readonly subject: string },
    readonly actor: Actor,
  ) {
    super();
  }
}
