import { Inject, Injectable } from '@nestjs/common';
import { type Actor, PARTICIPANT_FILE_ROLES, hasAnyRole } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { RESTRICTED_DOCUMENT_ROLES, mayRead } from '../../domain/rules/document-access.rule.js';
import { DocumentReadModel, type DocumentView } from '../ports/document.read-model.js';

/** Reads of documents with F-35/F-42 applied (domain/rules/document-access.rule.ts). */
@Injectable()
export class DocumentsQueries {
  constructor(@Inject(DocumentReadModel) private readonly readModel: DocumentReadModel) {}

  /** A document the actor may not read is answered as not found (its existence is not disclosed). */
  async get(id: string, actor: Actor): Promise<DocumentView> {
    const view = await this.readModel.find(id);
    if (!view || !mayRead(actor, view)) throw new NotFoundError('document', id);
    return view;
  }

  /** What a worker gets back for the document it has just issued (ADR 0106): its own document's record — it already holds the bytes. */
  async issuedView(id: string): Promise<DocumentView> {
    const view = await this.readModel.find(id);
    if (!view) throw new NotFoundError('document', id);
    return view;
  }

  async list(actor: Actor, filter: { bin?: string; kind?: string }): Promise<DocumentView[]> {
    const staff = hasAnyRole(actor, PARTICIPANT_FILE_ROLES);
    const own = actor.roles.includes('applicant') ? actor.companies.filter((b) => !filter.bin || b === filter.bin) : [];
    if (!staff) {
      if (own.length === 0) return [];
      return this.readModel.list({ bins: own, ...(filter.kind ? { kind: filter.kind } : {}), includeRestricted: true });
    }
    const all = await this.readModel.list({
      ...(filter.bin ? { bins: [filter.bin] } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      includeRestricted: true,
    });
    const restrictedToo = hasAnyRole(actor, RESTRICTED_DOCUMENT_ROLES);
    return all.filter((d) => !d.restricted || restrictedToo || own.includes(d.ownerBin));
  }
}
