import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { sql, sqlRun } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import type { Application } from '../domain/application.aggregate.js';
import { OPEN_STATUSES, type ApplicationKind } from '../domain/application-status.js';
import type { Deadline } from '../domain/deadline.aggregate.js';
import type { DeadlineKind } from '../domain/deadline-kind.js';
import type { IssuedCertificate } from '../domain/issued-certificate.js';
import type { Participant } from '../domain/participant.aggregate.js';
import type { TranslationTask } from '../domain/translation-task.aggregate.js';
import { ApplicationRepository } from '../application/ports/application.repository.js';
import { type ArchivableCertificate, CertificateArchiveRecords, IssuedCertificates } from '../application/ports/certificate.ports.js';
import { DeadlineRepository } from '../application/ports/deadline.repository.js';
import { NumberSequences } from '../application/ports/numbering.port.js';
import { type ArchivedCopy, ProtocolArchiveRecords, type ProtocolRecord } from '../application/ports/protocol-archive.port.js';
import { ParticipantRepository } from '../application/ports/participant.repository.js';
import { TranslationTaskRepository } from '../application/ports/translation-task.repository.js';
import { ApplicationSchema, DeadlineSchema, ParticipantSchema, TranslationTaskSchema } from './registration.schemas.js';

/**
 * The repositories on MikroORM (ADR 0035 §4): each works on the current unit of work's
 * EntityManager (`UnitOfWork.em()`), so what they load is in its identity map — changes are
 * flushed and recorded events published by the unit of work, optimistic locks checked.
 */
@Injectable()
export class MikroOrmApplicationRepository extends ApplicationRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<Application> {
    const app = await this.find(id);
    if (!app) throw new NotFoundError('application', id);
    return app;
  }
  find(id: string): Promise<Application | null> {
    return this.uow.em().findOne(ApplicationSchema, { id });
  }
  findOpen(bin: string, kind: ApplicationKind): Promise<Application | null> {
    return this.uow.em().findOne(ApplicationSchema, { bin, kind, status: { $in: [...OPEN_STATUSES] } });
  }
  add(application: Application): void {
    this.uow.em().persist(application);
  }
}

@Injectable()
export class MikroOrmParticipantRepository extends ParticipantRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<Participant> {
    const p = await this.uow.em().findOne(ParticipantSchema, { id });
    if (!p) throw new NotFoundError('participant', id);
    return p;
  }
  find(id: string): Promise<Participant | null> {
    return this.uow.em().findOne(ParticipantSchema, { id });
  }
  /** The company's latest participation (F-25 → F-8: a company may have had earlier ones). */
  async findByBin(bin: string): Promise<Participant | null> {
    const [latest] = await this.uow.em().find(ParticipantSchema, { bin }, { orderBy: { createdAt: 'desc', certificateNumber: 'desc' }, limit: 1 });
    return latest ?? null;
  }
  add(participant: Participant): void {
    this.uow.em().persist(participant);
  }
}

@Injectable()
export class MikroOrmDeadlineRepository extends DeadlineRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  find(id: string): Promise<Deadline | null> {
    return this.uow.em().findOne(DeadlineSchema, { id });
  }
  openOf(applicationId: string, kind: DeadlineKind): Promise<Deadline[]> {
    return this.uow.em().find(DeadlineSchema, { applicationId, kind, status: 'open' });
  }
  add(deadline: Deadline): void {
    this.uow.em().persist(deadline);
  }
}

@Injectable()
export class MikroOrmTranslationTaskRepository extends TranslationTaskRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<TranslationTask> {
    const t = await this.uow.em().findOne(TranslationTaskSchema, { id });
    if (!t) throw new NotFoundError('translation-task', id);
    return t;
  }
  add(task: TranslationTask): void {
    this.uow.em().persist(task);
  }
}

@Injectable()
export class MikroOrmIssuedCertificates extends IssuedCertificates {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  add(certificate: IssuedCertificate): void {
    this.uow.em().persist(certificate);
  }
}

/** The archive record of issued certificates (`registration_certificate_archive`, ADR 0106); the certificate row itself never changes. */
@Injectable()
export class PostgresCertificateArchiveRecords extends CertificateArchiveRecords {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  async pending(number: string): Promise<ArchivableCertificate | undefined> {
    const [row] = await sql<{ number: string; bin: string; pdf: Buffer; sha256: string }>(
      this.uow.em(),
      `select c."number", c."bin", c."pdf", c."sha256" from "registration_certificate" c
        where c."number" = ? and not exists (select 1 from "registration_certificate_archive" a where a."number" = c."number")`,
      [number],
    );
    return row;
  }
  async recordArchived(number: string, documentId: string, at: Date): Promise<void> {
    await sqlRun(
      this.uow.em(),
      `insert into "registration_certificate_archive" ("number", "document_id", "archived_at") values (?, ?, ?) on conflict ("number") do nothing`,
      [number, documentId, at],
    );
  }
}

/** The archive record of Commission protocols (`registration_protocol_archive`, F-15; the full copy ADR 0122); the application row is not touched. */
@Injectable()
export class PostgresProtocolArchiveRecords extends ProtocolArchiveRecords {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  async pending(protocolNumber: string): Promise<ProtocolRecord | undefined> {
    const [row] = await sql<{
      protocol_number: string;
      decided_on: string;
      id: string;
      kind: ProtocolRecord['applicationKind'];
      bin: string;
      company_name: string;
      decision: ProtocolRecord['decision'];
      decision_grounds: ProtocolRecord['grounds'] | null;
      votes: ProtocolRecord['votes'];
      decision_recorded_by: string | null;
    }>(
      this.uow.em(),
      `select a."protocol_number", a."decided_on"::text as "decided_on", a."id", a."kind", a."bin", a."company_name", a."decision",
              a."decision_grounds", a."votes", a."decision_recorded_by"
         from "registration_application" a
        where a."protocol_number" = ? and a."decision" is not null
          and not exists (select 1 from "registration_protocol_archive" p where p."protocol_number" = a."protocol_number" and p."full_document_id" is not null)`,
      [protocolNumber],
    );
    if (!row) return undefined;
    return {
      protocolNumber: row.protocol_number,
      decidedOn: row.decided_on,
      applicationId: row.id,
      applicationKind: row.kind,
      bin: row.bin,
      companyName: row.company_name,
      decision: row.decision,
      grounds: row.decision_grounds ?? [],
      votes: row.votes,
      recordedBy: row.decision_recorded_by ?? '',
    };
  }
  async recordArchived(protocol: ProtocolRecord, extract: ArchivedCopy, full: ArchivedCopy, at: Date): Promise<void> {
    // ADR 0122: a protocol archived before the full copy existed gains it; the extract's record stays as it was.
    await sqlRun(
      this.uow.em(),
      `insert into "registration_protocol_archive" ("protocol_number", "application_id", "document_id", "sha256", "full_document_id", "full_sha256", "archived_at")
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict ("protocol_number") do update set "full_document_id" = excluded."full_document_id", "full_sha256" = excluded."full_sha256"
        where "registration_protocol_archive"."full_document_id" is null`,
      [protocol.protocolNumber, protocol.applicationId, extract.documentId, extract.sha256, full.documentId, full.sha256, at],
    );
  }
}

/** PostgreSQL sequences (created by the applications migration). */
@Injectable()
export class PostgresNumberSequences extends NumberSequences {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }
  async next(sequence: 'certificate' | 'protocol'): Promise<number> {
    const name = sequence === 'certificate' ? 'registration_certificate_seq' : 'registration_protocol_seq';
    const [row] = await this.uow.em().execute<{ n: string }[]>(`select nextval('${name}')::text as n`);
    return Number(row!.n);
  }
}
