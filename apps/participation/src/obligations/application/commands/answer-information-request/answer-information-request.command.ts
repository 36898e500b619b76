import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { type InformationRequest, type Attachment } from '../../../domain/information-request.aggregate.js';

export class AnswerInformationRequestCommand extends Command<InformationRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly note: string,
    readonly attachments: Attachment[],
  ) {
    super();
  }
}
