import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { type InformationRequest, type InformationKind } from '../../../domain/information-request.aggregate.js';

export class RequestInformationCommand extends Command<InformationRequest> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly kind: InformationKind,
    readonly description: string,
  ) {
    super();
  }
}
