import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate } from '@hub/calendar';
import { Clock, ConflictError, ForbiddenError, IllegalStateError, RuleViolationError, ValidationError, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ObjectStorage, inspectBytes } from '@hub/object-storage';
import { Document } from '../../../domain/document.aggregate.js';
import type { DocumentKind } from '../../../domain/document-kind.js';
import { DocumentKinds } from '../../ports/document-kinds.js';
import { FundOwner } from '../../ports/fund-owner.js';
import { DocumentRepository } from '../../ports/document.repository.js';
import { scheduleRetentionEnd } from '../../timers/retention-ended.timer-handler.js';
import { IssueDocumentCommand } from './issue-document.command.js';

@CommandHandler(IssueDocumentCommand)
export class IssueDocumentHandler implements ICommandHandler<IssueDocumentCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(DocumentKinds) private readonly kinds: DocumentKinds,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(FundOwner) private readonly fund: FundOwner,
  ) {}

  async execute({ input, actor }: IssueDocumentCommand): Promise<{ documentId: string; created: boolean }> {
    const kind = this.kinds.get(input.kind, 'kind');
    // ADR 0106: only a platform worker issues, and only the kinds the catalogue names it for
    // (registration its certificates and protocols; services its invoices) — least privilege per client.
    if (kind.issued && !(actor.client !== undefined && kind.issuers.includes(actor.client)))
      throw new ForbiddenError(`${actor.client ?? actor.subject} does not issue documents of kind ${kind.code}`, { kind: kind.code });
    const ownerBin = this.ownerOf(kind, input.ownerBin);
    const checked = await inspectBytes(input.bytes, { maxBytes: kind.maxBytes, allowedTypes: kind.types, declaredName: input.fileName });
    if (!checked.ok) throw new RuleViolationError(kind.rule, `the issued file was refused (${checked.reason}): ${checked.detail}`, { reason: checked.reason });
    const existing = await this.uow.run(() => this.documents.findByIssueKey(input.issueKey));
    if (existing) {
      if (existing.sha256 !== checked.sha256) {
        throw new ConflictError(
          'issued-document-differs',
          `${input.issueKey} was issued with other bytes (sha256 ${existing.sha256}); an issued document never changes`,
        );
      }
      return { documentId: existing.id, created: false };
    }
    const id = uuidv7();
    const key = Document.objectKeyOf(ownerBin, id);
    // Bytes first, then the row: a row never points at missing bytes. If the row is not written
    // (a concurrent issue of the same key → 409), the bytes under this id are removed again.
    await this.storage.put(key, input.bytes, checked.mime);
    try {
      await this.uow.run(async (em) => {
        const now = this.clock.now();
        const d = Document.issue({
          id,
          ownerBin,
          kind,
          issueKey: input.issueKey,
          fileName: input.fileName,
          content: { size: checked.size, sha256: checked.sha256, mediaType: checked.mime },
          by: actor.subject,
          on: almatyDate(now),
          at: now,
        });
        this.documents.add(d);
        await scheduleRetentionEnd(this.timers, em, d.id, d.retainUntil!);
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    return { documentId: id, created: true };
  }

  /**
   * A company's issued kind names the company (F-35: it reads it). ADR 0110, 0122: a kind the Fund owns
   * (the Commission's full protocol) is the Fund's, the configured BIN — another BIN named is 422, none
   * configured is 409, as for uploads.
   */
  private ownerOf(kind: DocumentKind, named: string | undefined): string {
    if (kind.owner === 'fund') {
      if (!this.fund.bin) throw new IllegalStateError('document kind', kind.code, 'be issued', "the Fund's BIN (HUB_FUND_BIN) is not configured");
      if (named && named !== this.fund.bin)
        throw ValidationError.field('ownerBin', `a ${kind.code} is the Fund's own document: leave the owner out (it is not ${named}'s)`);
      return this.fund.bin;
    }
    if (!named) throw ValidationError.field('ownerBin', `a ${kind.code} belongs to a company: name its BIN`);
    return named;
  }
}
