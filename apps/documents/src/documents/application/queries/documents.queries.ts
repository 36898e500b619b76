import { Inject, Injectable } from '@nestjs/common';
import { type Actor, PARTICIPANT_FILE_ROLES, hasAnyRole } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { mayRead } from '../../domain/rules/document-access.rule.js';
import { DocumentKinds } from '../ports/document-kinds.js';
import { DocumentReadModel, type DocumentView } from '../ports/document.read-model.js';

/** Reads of documents with F-35/F-42 applied, and ADR 0110's kinds handled by a role (domain/rules/document-access.rule.ts). */
@Injectable()
export class DocumentsQueries {
  constructor(
    @Inject(DocumentReadModel) private readonly readModel: DocumentReadModel,
    @Inject(DocumentKinds) private readonly kinds: DocumentKinds,
  ) {}

  /** A document the actor may not read is answered as not found (its existence is not disclosed). */
  async get(id: string, actor: Actor): Promise<DocumentView> {
    const view = await this.readModel.find(id);
    if (!view || !mayRead(actor, view, this.kinds.get(view.kind))) throw new NotFoundError('document', id);
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
    // ADR 0110: the kinds a role of the actor handles (the housing manager: dwelling acts); ADR 0113:
    // the office kinds it uploads or reads (an office's documents have no BIN: a BIN filter excludes them)
    const handled = this.kinds
      .all()
      .filter(
        (k) =>
          (k.owner === 'office'
            ? !filter.bin && mayRead(actor, { ownerBin: null, restricted: k.restricted }, k)
            : k.handlers.some((r) => (actor.roles as readonly string[]).includes(r))) &&
          (!filter.kind || k.code === filter.kind),
      );
    const ofHandledKinds = async (): Promise<DocumentView[]> =>
      (
        await Promise.all(handled.map((k) => this.readModel.list({ ...(filter.bin ? { bins: [filter.bin] } : {}), kind: k.code, includeRestricted: true })))
      ).flat();
    if (!staff) {
      const mine = own.length
        ? (await this.readModel.list({ bins: own, ...(filter.kind ? { kind: filter.kind } : {}), includeRestricted: true })).filter(
            (d) => this.kinds.get(d.kind).owner === 'company',
          )
        : [];
      const seen = new Set(mine.map((d) => d.id));
      return [...mine, ...(await ofHandledKinds()).filter((d) => !seen.has(d.id))].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    }
    const all = await this.readModel.list({
      ...(filter.bin ? { bins: [filter.bin] } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      includeRestricted: true,
    });
    return all.filter((d) => mayRead(actor, d, this.kinds.get(d.kind)));
  }
}
