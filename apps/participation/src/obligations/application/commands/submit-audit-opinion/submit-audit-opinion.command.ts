import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { type AuditObligation } from '../../../domain/audit-obligation.aggregate.js';
import { type Attachment } from '../../../domain/information-request.aggregate.js';

export class SubmitAuditOpinionCommand extends Command<AuditObligation> {
  constructor(
    readonly actor: Actor,
    readonly obligationId: string,
    /** Issue #10: the opinion by id, or (deprecated) by the client's metadata. */
    readonly opinion: { readonly documentId: string | null; readonly metadata: Attachment | null },
  ) {
    super();
  }
}
