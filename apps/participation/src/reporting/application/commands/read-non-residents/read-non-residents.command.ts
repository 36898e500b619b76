import { Command } from '@nestjs/cqrs';
import type { Actor, NonResidents } from '@hub/contracts';

export class ReadNonResidentsCommand extends Command<NonResidents> {
  constructor(
    readonly actor: Actor,
    readonly reportId: string,
  ) {
    super();
  }
}
