import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ParticipationDto } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor, seesEveryCompany } from '../../../shared/application/access.js';
import { Deadlines } from '../../../shared/domain/deadlines.js';
import { EarlyTermination } from '../../domain/early-termination.aggregate.js';
import { ExtensionCertificates } from '../extension-certificates.service.js';
import { Extension } from '../../domain/extension.aggregate.js';
import { Participation } from '../../domain/participation.aggregate.js';

/** Reads of the participation module (no transaction, a fresh EntityManager each). */
@Injectable()
export class ParticipationQueries {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(ExtensionCertificates) private readonly certificates: ExtensionCertificates,
  ) {}

  toDto(p: Participation): ParticipationDto {
    return {
      id: p.id,
      participantId: p.participantId,
      bin: p.bin,
      companyName: p.companyName,
      activityTypeCodes: p.activityTypes.map((a) => a.code),
      certificateNumber: p.certificateNumber,
      status: p.status,
      termStart: p.termStart,
      termEnd: p.termEnd,
      extensionDeadline: this.deadlines.extensionDeadlineIfKnown(p.termEnd),
      endedOn: p.endedOn,
      terminationGround: p.terminationGround,
    };
  }

  async list(actor: Actor, q: { status?: string | undefined; bin?: string | undefined; page: number; pageSize: number }) {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.bin) where.bin = q.bin;
    if (!seesEveryCompany(actor)) where.bin = { $in: actor.companies.filter((b) => !q.bin || b === q.bin) };
    const [items, total] = await this.uow
      .reader()
      .findAndCount(Participation, where, { orderBy: { termEnd: 'asc', id: 'asc' }, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items: items.map((p) => this.toDto(p)), page: q.page, pageSize: q.pageSize, total };
  }

  async get(actor: Actor, id: string): Promise<ParticipationDto> {
    const p = await this.uow.reader().findOne(Participation, { id });
    if (!p) throw new NotFoundError('participation', id);
    assertMayActFor(actor, p.bin, ['participation', id]);
    return this.toDto(p);
  }

  async extensions(actor: Actor, id: string): Promise<Extension[]> {
    await this.get(actor, id);
    return this.uow.reader().find(Extension, { participationId: id }, { orderBy: { createdAt: 'asc' } });
  }

  async earlyTerminations(actor: Actor, q: { status?: string | undefined; participationId?: string | undefined }): Promise<EarlyTermination[]> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.participationId) where.participationId = q.participationId;
    if (!seesEveryCompany(actor)) where.bin = { $in: [...actor.companies] };
    return this.uow.reader().find(EarlyTermination, where, { orderBy: { createdAt: 'asc' } });
  }

  /**
   * Annex 3 (ADR 0051): the extension certificate as issued — the stored bytes, byte-identical on every
   * download. An extension approved before certificates were stored gets its certificate issued (and
   * stored) on this first download.
   */
  async extensionCertificate(actor: Actor, participationId: string, extensionId: string): Promise<{ fileName: string; pdf: Buffer; sha256: string }> {
    return this.uow.run(async (em) => {
      const p = await em.findOne(Participation, { id: participationId });
      const e = await em.findOne(Extension, { id: extensionId, participationId });
      if (!p || !e || e.status !== 'approved' || !e.certificateNumber) throw new NotFoundError('extension certificate', extensionId);
      assertMayActFor(actor, p.bin, ['extension certificate', extensionId]);
      const c = await this.certificates.issuedFor(p, e);
      return { fileName: c.fileName, pdf: c.content, sha256: c.sha256 };
    });
  }
}
