import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { DocumentReadModel, type DocumentView } from '../application/ports/document.read-model.js';
import { DocumentRepository } from '../application/ports/document.repository.js';
import { DownloadLog, type DownloadEntry } from '../application/ports/download-log.js';
import type { Document } from '../domain/document.aggregate.js';
import { DocumentSchema } from './document.schema.js';
import { DownloadRecord } from './download-record.schema.js';

/** Documents on the unit of work's EntityManager (ADR 0035 §4). */
@Injectable()
export class MikroOrmDocumentRepository extends DocumentRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<Document> {
    const d = await this.uow.em().findOne(DocumentSchema, { id });
    if (!d) throw new NotFoundError('document', id);
    return d;
  }
  findByIssueKey(issueKey: string): Promise<Document | null> {
    return this.uow.em().findOne(DocumentSchema, { issueKey });
  }
  add(document: Document): void {
    this.uow.em().persist(document);
  }
}

/** The download log in the current unit of work's transaction. */
@Injectable()
export class MikroOrmDownloadLog extends DownloadLog {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  record(entry: DownloadEntry): void {
    const row = Object.assign(new DownloadRecord(), { id: uuidv7(), ...entry, roles: [...entry.roles] });
    this.uow.em().persist(row);
  }
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const documentView = (d: Document): DocumentView => ({
  id: d.id,
  ownerBin: d.ownerBin,
  ownerOffice: d.ownerOffice,
  kind: d.kind,
  restricted: d.restricted,
  origin: d.origin,
  status: d.status,
  seriesId: d.seriesId,
  versionNo: d.versionNo,
  supersedesId: d.supersedesId,
  fileName: d.declaredName,
  declaredSize: d.declaredSize,
  size: d.size,
  sha256: d.sha256,
  mediaType: d.mediaType,
  rejection: d.rejection,
  attachedTo: d.attachedTo,
  attachedAt: iso(d.attachedAt),
  issueKey: d.issueKey,
  createdAt: d.createdAt.toISOString(),
  verifiedAt: iso(d.verifiedAt),
  retainUntil: d.retainUntil,
});

@Injectable()
export class MikroOrmDocumentReadModel extends DocumentReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async find(id: string): Promise<DocumentView | null> {
    const d = await this.uow.reader().findOne(DocumentSchema, { id });
    return d ? documentView(d) : null;
  }
  async list(filter: { bins?: readonly string[]; kind?: string; kinds?: readonly string[]; includeRestricted: boolean }): Promise<DocumentView[]> {
    const rows = await this.uow.reader().find(
      DocumentSchema,
      {
        ...(filter.bins ? { ownerBin: { $in: [...filter.bins] } } : {}),
        ...(filter.kind ? { kind: filter.kind } : filter.kinds ? { kind: { $in: [...filter.kinds] } } : {}),
        ...(filter.includeRestricted ? {} : { restricted: false }),
        status: { $in: ['verified', 'attached', 'issued'] },
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 },
    );
    return rows.map(documentView);
  }
  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.uow.reader().execute<{ status: string; n: string }[]>(`select status, count(*)::text as n from document group by status`);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
