import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { NotFoundError } from '@hub/kernel';
import { sql, sqlRun } from '@hub/messaging';
import { MIKRO_ORM, UnitOfWork } from '@hub/nest-commons';
import type { Application } from '../domain/application.aggregate.js';
import { OPEN_STATUSES, type ApplicationKind } from '../domain/application-status.js';
import type { Deadline } from '../domain/deadline.aggregate.js';
import type { DeadlineKind } from '../domain/deadline-kind.js';
import type { IssuedCertificate } from '../domain/issued-certificate.js';
import { Participant } from '../domain/participant.aggregate.js';
import type { TranslationTask } from '../domain/translation-task.aggregate.js';
import { ApplicationRepository, type ApplicationStartingPoint } from '../application/ports/application.repository.js';
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
  async startingPoint(bin: string, kind: ApplicationKind): Promise<ApplicationStartingPoint> {
    const em = this.uow.em();
    // The latest participant's row (or nulls) with the open application's id and status beside it.
    const [row] = await sql<Record<string, unknown> & { open_application: { id: string; status: string } | null }>(
      em,
      `select (select json_build_object('id', a.id, 'status', a.status) from registration_application a
                where a.bin = ? and a.kind = ? and a.status in (${OPEN_STATUSES.map(() => '?').join(', ')}) limit 1) as open_application, p.*
         from (select 1) as one
         left join lateral (select * from registration_participant where bin = ? order by created_at desc, certificate_number desc limit 1) p on true`,
      [bin, kind, ...OPEN_STATUSES, bin],
    );
    if (!row) throw new Error('startingPoint: the statement returned no row');
    const { open_application: open, ...participant } = row;
    return { open, latestParticipant: participant['id'] ? em.map(ParticipantSchema, participant) : null };
  }
  add(application: Application): void {
    this.uow.em().persist(application);
  }
}

/**
 * Issue #17, ADR 0125: the registry's rows of one participant per activity type
 * (`registration_registry_activity`), derived from `registration_participant` and rewritten for the
 * given participants in ONE statement, inside the caller's transaction: the rows of codes the
 * participant no longer has are deleted, the others inserted or brought up to date (name, BIN,
 * certificate, listed, validity, end — everything the F-19 filter and order read).
 */
export const REGISTRY_ACTIVITY_SYNC = `
with changed as (select value::uuid as id from jsonb_array_elements_text(?::jsonb)),
fresh as (
  select distinct on (p.id, t->>'code') p.id as participant_id, t->>'code' as code, p.company_name, p.bin, p.certificate_number,
         p.listed_on is not null as listed, p.valid_to, p.ended_on, p.end_kind
    from registration_participant p join changed c on c.id = p.id cross join lateral jsonb_array_elements(p.activity_types) t
   where t->>'code' is not null),
gone as (
  delete from registration_registry_activity a using changed c
   where a.participant_id = c.id and not exists (select 1 from fresh f where f.participant_id = a.participant_id and f.code = a.code))
insert into registration_registry_activity (participant_id, code, company_name, bin, certificate_number, listed, valid_to, ended_on, end_kind)
select participant_id, code, company_name, bin, certificate_number, listed, valid_to, ended_on, end_kind from fresh
on conflict (participant_id, code) do update set company_name = excluded.company_name, bin = excluded.bin,
  certificate_number = excluded.certificate_number, listed = excluded.listed, valid_to = excluded.valid_to,
  ended_on = excluded.ended_on, end_kind = excluded.end_kind`;

@Injectable()
export class MikroOrmParticipantRepository extends ParticipantRepository implements OnModuleInit, EventSubscriber {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(MIKRO_ORM) private readonly orm: MikroORM,
  ) {
    super();
  }

  /**
   * ADR 0125: the repository keeps the registry's per-activity-type rows in step with its
   * participants. Participants change through the unit of work's identity map (a handler loads one,
   * calls the domain, the unit of work flushes), so the repository listens to every flush of the
   * app's EntityManagers (forks share the ORM's event manager) and rewrites the rows of each
   * participant the flush created or updated — in the flush's transaction, before the commit.
   */
  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /**
   * ADR 0136: it follows participants only. A flush event reaches it whatever it names (MikroORM dispatches
   * flushes to every subscriber); naming Participant tells `UnitOfWork.runInsertingOne` that a new
   * application's bare insert bypasses nothing here — without it every entity would count as listened to.
   */
  getSubscribedEntities(): [typeof Participant] {
    return [Participant];
  }

  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const ids = uow
      .getChangeSets()
      .filter((cs) => cs.entity instanceof Participant && cs.type !== ChangeSetType.DELETE)
      .map((cs) => (cs.entity as Participant).id);
    if (ids.length === 0) return;
    if (!em.isInTransaction()) throw new Error('a participant was flushed outside a unit of work: its registry rows would not commit with it (ADR 0125)');
    await sqlRun(em, REGISTRY_ACTIVITY_SYNC, [JSON.stringify([...new Set(ids)])]);
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
