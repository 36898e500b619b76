import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { type InformationRequest, type Attachment } from '../../../domain/information-request.aggregate.js';

export class AnswerInformationRequestCommand extends Command<InformationRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly note: string,
    /** Issue #10: the documents by id (checked against the verified documents, attached by documents). */
    readonly documentIds: readonly string[],
    /** Deprecated (issue #10): file metadata the client claims. */
    readonly attachments: readonly Attachment[],
  ) {
    super();
  }
}
