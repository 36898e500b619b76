import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { type AuditObligation } from '../../../domain/audit-obligation.aggregate.js';
import { type Attachment } from '../../../domain/information-request.aggregate.js';

export class SubmitAuditOpinionCommand extends Command<AuditObligation> {
  constructor(
    readonly actor: Actor,
    readonly obligationId: string,
    readonly opinion: Attachment,
  ) {
    super();
  }
}
