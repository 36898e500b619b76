import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { type CorporateNotice } from '../../../domain/corporate-notice.js';
import { type Attachment } from '../../../domain/information-request.aggregate.js';

export class FileCorporateNoticeCommand extends Command<CorporateNotice> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly input: {
      kind: 're-registration' | 'liquidation';
      eventDate: string;
      description: string;
      documentIds: readonly string[];
      copies: readonly Attachment[];
    },
  ) {
    super();
  }
}
