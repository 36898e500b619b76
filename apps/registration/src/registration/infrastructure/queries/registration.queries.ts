import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsolationLevel, type SqlEntityManager } from '@mikro-orm/postgresql';
import { almatyDate } from '@hub/calendar';
import {
  DEADLINE_READER_ROLES,
  type Actor,
  APPLICATION_REVIEWER_ROLES,
  type DeadlinesPageQuery,
  PARTICIPANT_FILE_ROLES,
  decodeDeadlineCursor,
  decodeKeysetCursor,
  encodeDeadlineCursor,
  encodeKeysetCursor,
  hasAnyRole,
} from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayReadApplication } from '../../application/access.js';
import { CertificateSigner, type CertificateSignature } from '../../application/ports/certificate.ports.js';
import { DeadlinePolicy } from '../../application/ports/deadline-policy.port.js';
import type { Application } from '../../domain/application.aggregate.js';
import { applicationStateMachine } from '../../domain/application-status.js';
import type { Deadline } from '../../domain/deadline.aggregate.js';
import { type Participant, type ParticipantExtension, registryStatusOn } from '../../domain/participant.aggregate.js';
import type { DescribedActivityType } from '../../domain/registration.events.js';
import { ApplicationSchema, DeadlineSchema, IssuedCertificateSchema, ParticipantSchema, TranslationTaskSchema } from '../registration.schemas.js';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** What a registry entry is made of: the aggregate, or a plain row of the export (ADR 0125). */
type RegistryRow = Pick<
  Participant,
  | 'companyName'
  | 'bin'
  | 'activityTypes'
  | 'certificateNumber'
  | 'termStart'
  | 'validTo'
  | 'listedOn'
  | 'extensions'
  | 'endedOn'
  | 'endKind'
  | 'endGround'
  | 'endGroundNumber'
>;

/** The columns an entry shows, dates as text: the export's rows and the page's (ADR 0125 amended, ADR 0144). */
interface RegistryPlainRow {
  company_name: string;
  bin: string;
  activity_types: DescribedActivityType[];
  certificate_number: string;
  term_start: string;
  valid_to: string;
  listed_on: string | null;
  extensions: ParticipantExtension[];
  ended_on: string | null;
  end_kind: 'planned' | 'early' | null;
  end_ground: string | null;
  end_ground_number: number | null;
}

/** The select list of `RegistryPlainRow` (`prefix`: a table alias with its dot, or ''). */
const REGISTRY_PLAIN_COLUMNS = (prefix: string): string =>
  `${prefix}company_name, ${prefix}bin, ${prefix}activity_types, ${prefix}certificate_number, ${prefix}term_start::text as term_start,
   ${prefix}valid_to::text as valid_to, ${prefix}listed_on::text as listed_on, ${prefix}extensions, ${prefix}ended_on::text as ended_on,
   ${prefix}end_kind, ${prefix}end_ground, ${prefix}end_ground_number`;

const registryRowOf = (r: RegistryPlainRow): RegistryRow => ({
  companyName: r.company_name,
  bin: r.bin,
  activityTypes: r.activity_types,
  certificateNumber: r.certificate_number,
  termStart: r.term_start,
  validTo: r.valid_to,
  listedOn: r.listed_on,
  extensions: r.extensions,
  endedOn: r.ended_on,
  endKind: r.end_kind,
  endGround: r.end_ground,
  endGroundNumber: r.end_ground_number,
});

export type RegistryEntry = ReturnType<RegistrationQueries['registryEntry']>;
type RegistryFilter = { q?: string | undefined; activityType?: string | undefined; status?: string | undefined };

interface DeadlineRow {
  id: string;
  kind: string;
  rule_id: string;
  application_id: string;
  bin: string;
  started_on: string;
  due_date: string;
  due_key: string;
  status: string;
  overdue: boolean;
  missed_at: Date | string | null;
  closed_at: Date | string | null;
}

/** Read side of the registration context: views for applicants, the Fund, the Commission and the public (reads the tables directly, no unit of work). */
@Injectable()
export class RegistrationQueries {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CertificateSigner) private readonly signer: CertificateSigner,
    @Inject(DeadlinePolicy) private readonly policy: DeadlinePolicy,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private em(): SqlEntityManager {
    return this.uow.reader();
  }

  private today(): string {
    return almatyDate(this.clock.now());
  }

  deadlineView(d: Deadline, companyName?: string) {
    return {
      kind: d.kind as never,
      ruleId: d.ruleId,
      applicationId: d.applicationId,
      subjectId: d.applicationId,
      bin: d.bin,
      ...(companyName ? { companyName } : {}),
      startedOn: d.startedOn,
      dueDate: d.dueDate,
      status: d.status,
      overdue: d.isOverdue(this.clock.now()),
      missedAt: d.missedAt ? new Date(d.missedAt).toISOString() : null,
      closedAt: d.closedAt ? new Date(d.closedAt).toISOString() : null,
    };
  }

  async application(id: string, actor: Actor) {
    const em = this.em();
    const s = await em.findOne(ApplicationSchema, { id });
    if (!s) throw new NotFoundError('application', id);
    assertMayReadApplication(actor, s);
    const deadlines = await em.find(DeadlineSchema, { applicationId: id }, { orderBy: { createdAt: 'asc' } });
    const decision = s.decisionRecord;
    // Issue #10: the extract of the Commission's protocol in the Fund's archive, once the archiving timer has run;
    // ADR 0122/0132: and the full protocol (each member's vote), the Fund's own record.
    const [archived] = decision
      ? await sql<{ document_id: string; full_document_id: string | null }>(
          em,
          `select "document_id", "full_document_id" from "registration_protocol_archive" where "protocol_number" = ?`,
          [decision.protocolNumber],
        )
      : [];
    return this.applicationView(s, actor, deadlines, archived?.document_id ?? null, archived?.full_document_id ?? null);
  }

  /**
   * Issue #17 ("no re-read after write"): the view of a draft the command has just created, from the
   * aggregate itself — the same view `application(id)` reads back, without the two statements. A
   * new draft has no deadlines yet (they start when it is filed, F-12) and no protocol (F-16).
   */
  createdDraftView(s: Application, actor: Actor) {
    assertMayReadApplication(actor, s);
    return this.applicationView(s, actor, [], null, null);
  }

  private applicationView(s: Application, actor: Actor, deadlines: Deadline[], protocolDocumentId: string | null, fullProtocolDocumentId: string | null) {
    // The Commission's deliberation (who voted how) is internal; the applicant gets the decision, its grounds and reasons (F-17).
    const reviewer = hasAnyRole(actor, APPLICATION_REVIEWER_ROLES);
    const decision = s.decisionRecord;
    return {
      id: s.id,
      kind: s.kind,
      bin: s.bin,
      companyName: s.companyName,
      address: s.address,
      language: s.language,
      status: s.status,
      allowedActions: applicationStateMachine.allowedCommands(s.status).filter((c) => c !== 'edit-draft' || ['draft', 'remarks-issued'].includes(s.status)),
      activityTypes: s.activityTypes,
      businessPlan: s.businessPlan,
      taxCertificate: s.taxCertificate,
      placeOfBusiness: s.placeOfBusiness,
      eligibility: s.eligibility,
      eligibilityEvaluation: s.eligibilityEvaluation,
      filedAt: s.filedAt ? s.filedAt.toISOString() : null,
      remarks: s.remarks,
      proposedRemarks: s.proposedRemarks,
      votes: reviewer ? s.votes : [],
      decision: decision && !reviewer ? { ...decision, votes: [] } : decision,
      protocolDocumentId,
      // ADR 0132 (F-15, F-16, F-35): the full protocol is named only to those documents lets read it — the Fund's
      // reviewers (fund officers, the Commission's members and secretary, ADR 0122); never to the company decided on.
      fullProtocolDocumentId: reviewer && !actor.companies.includes(s.bin) ? fullProtocolDocumentId : null,
      notifiedAt: s.notifiedAt ? s.notifiedAt.toISOString() : null,
      notifiedVia: s.notificationProof?.via ?? null,
      contract: s.contract,
      certificateNumber: s.certificateNumber,
      certificateIssuedOn: s.certificateIssuedOn,
      listedOn: s.listedOn,
      deadlines: deadlines.map((d) => this.deadlineView(d)),
      history: s.history,
    };
  }

  private summary(row: Application) {
    return {
      id: row.id,
      kind: row.kind,
      bin: row.bin,
      companyName: row.companyName,
      status: row.status,
      language: row.language,
      filedAt: row.filedAt ? row.filedAt.toISOString() : null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** F-35: an applicant lists its own companies' applications only; the reviewers (fund officers and the Commission) list all. */
  async applications(
    actor: Actor,
    q: { page: number; pageSize: number; status?: string | undefined; bin?: string | undefined; kind?: string | undefined },
  ): Promise<Page<ReturnType<RegistrationQueries['summary']>>> {
    const staff = hasAnyRole(actor, APPLICATION_REVIEWER_ROLES);
    const where: Record<string, unknown> = {};
    if (q.status) where['status'] = q.status;
    if (q.kind) where['kind'] = q.kind;
    if (staff) {
      if (q.bin) where['bin'] = q.bin;
    } else {
      const mine = q.bin ? actor.companies.filter((c) => c === q.bin) : [...actor.companies];
      where['bin'] = { $in: mine.length ? mine : ['-'] };
    }
    const [rows, total] = await this.em().findAndCount(ApplicationSchema, where, {
      orderBy: { updatedAt: 'desc', id: 'desc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map((r) => this.summary(r)), page: q.page, pageSize: q.pageSize, total };
  }

  /** F-12, F-14: the completeness review queue, oldest deadline first, with working days left and overdue flags. */
  async reviewQueue(q: { page: number; pageSize: number; overdue?: boolean | undefined }) {
    const em = this.em();
    const rows = await em.find(ApplicationSchema, { status: { $in: ['submitted', 'resubmitted'] } });
    const deadlines = await em.find(DeadlineSchema, {
      applicationId: { $in: rows.map((r) => r.id) },
      status: 'open',
      kind: { $in: ['completeness-review', 'activity-change-decision'] },
    });
    const tasks = await em.find(TranslationTaskSchema, { applicationId: { $in: rows.map((r) => r.id) }, status: 'open' });
    let items = rows.map((row) => {
      const d = deadlines.find((x) => x.applicationId === row.id);
      return {
        ...this.summary(row),
        ruleId: d?.ruleId ?? 'F-12',
        dueDate: d?.dueDate ?? '9999-12-31',
        workingDaysLeft: d ? this.policy.workingDaysLeft(this.today(), d.dueDate) : 0,
        overdue: d ? d.isOverdue(this.clock.now()) : false,
        openRemarks: row.openRemarks().length,
        translationPending: tasks.some((t) => t.applicationId === row.id),
      };
    });
    if (q.overdue !== undefined) items = items.filter((i) => i.overdue === q.overdue);
    items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), page: q.page, pageSize: q.pageSize, total: items.length };
  }

  /** F-13, F-15, F-20: what is before the Commission, with its decision deadline. */
  async commissionAgenda() {
    const em = this.em();
    const rows = await em.find(ApplicationSchema, { status: 'with-commission' }, { orderBy: { updatedAt: 'asc' } });
    const deadlines = await em.find(DeadlineSchema, {
      applicationId: { $in: rows.map((r) => r.id) },
      status: 'open',
      kind: { $in: ['commission-decision', 'activity-change-decision'] },
    });
    return rows.map((row) => {
      const d = deadlines.find((x) => x.applicationId === row.id);
      return {
        ...this.summary(row),
        ruleId: d?.ruleId ?? 'F-15',
        dueDate: d?.dueDate ?? null,
        overdue: d ? d.isOverdue(this.clock.now()) : false,
        votes: row.votes.length,
      };
    });
  }

  /**
   * The deadlines contract (ADR 0033, paged by ADR 0047): one keyset page in (due moment, id) order —
   * served by the partial indexes on (due_at, id) and (bin, due_at, id) of the open ones — with the
   * cursor of each item, the next cursor and the counts of everything the filters select. Nothing is
   * cut off: the rest is `after=nextCursor` away. F-35: the Fund's participant-file readers see every
   * deadline; an applicant only its own companies'.
   */
  async deadlines(
    actor: Actor,
    q: Omit<DeadlinesPageQuery, 'status'> & { kind?: string | undefined; status?: 'open' | 'met' | undefined; applicationId?: string | undefined },
  ) {
    const now = this.clock.now();
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, ...values: unknown[]): void => {
      where.push(condition);
      params.push(...values);
    };
    if (!hasAnyRole(actor, [...PARTICIPANT_FILE_ROLES, ...DEADLINE_READER_ROLES])) {
      const mine = actor.companies.length ? [...actor.companies] : ['-'];
      add(`bin in (${mine.map(() => '?').join(', ')})`, ...mine);
    }
    if (q.bin) add(`bin = ?`, q.bin);
    if (q.kind) add(`kind = ?`, q.kind);
    if (q.applicationId) add(`application_id = ?`, q.applicationId);
    if (q.status) add(`status = ?`, q.status);
    if (q.dueBefore) add(`due_date <= ?::date`, q.dueBefore);
    // The SQL twin of Deadline.isOverdue: open and past its due moment.
    const overdue = `(status = 'open' and due_at < ?::timestamptz)`;
    if (q.overdue !== undefined) add(q.overdue ? overdue : `not ${overdue}`, now);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const after = q.after ? decodeDeadlineCursor(q.after) : null;
    const keyset = after ? `${where.length ? ' and' : 'where'} (due_at, id) > (?::timestamptz, ?::uuid)` : '';
    const em = this.em();
    const [counts, rows] = await Promise.all([
      em.execute<{ total: string; overdue: string }[]>(
        `select count(*)::text as total, count(*) filter (where ${overdue})::text as overdue from registration_deadline ${filter}`,
        [now, ...params],
      ),
      em.execute<DeadlineRow[]>(
        `select id, kind, rule_id, application_id, bin, started_on::text as started_on, due_date::text as due_date, status, missed_at, closed_at,
                to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as due_key, ${overdue} as overdue
           from registration_deadline ${filter}${keyset} order by due_at, id limit ${q.limit + 1}`,
        [now, ...params, ...(after ? [after[0], after[1]] : [])],
      ),
    ]);
    const page = rows.slice(0, q.limit).map((r) => ({
      kind: r.kind as never,
      ruleId: r.rule_id,
      applicationId: r.application_id,
      subjectId: r.application_id,
      bin: r.bin,
      startedOn: r.started_on,
      dueDate: r.due_date,
      status: r.status as 'open' | 'met',
      overdue: r.overdue,
      missedAt: r.missed_at ? new Date(r.missed_at).toISOString() : null,
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      cursor: encodeDeadlineCursor(r.due_key, r.id),
    }));
    return {
      items: page,
      nextCursor: rows.length > q.limit ? page.at(-1)!.cursor : null,
      total: Number(counts[0]?.total ?? 0),
      overdueCount: Number(counts[0]?.overdue ?? 0),
    };
  }

  async translationTasks(status?: 'open' | 'done') {
    const rows = await this.em().find(TranslationTaskSchema, status ? { status } : {}, { orderBy: { createdAt: 'asc' } });
    return rows.map((t) => ({
      id: t.id,
      applicationId: t.applicationId,
      bin: t.bin,
      sourceLanguage: t.sourceLanguage as never,
      targetLanguage: t.targetLanguage as never,
      status: t.status,
      createdAt: t.createdAt.toISOString(),
      completedAt: t.completedAt ? t.completedAt.toISOString() : null,
      documentId: t.documentId,
      documentRef: t.documentRef,
    }));
  }

  /**
   * F-19, F-25, F-27, F-28: a public registry entry — name, BIN, activity types, certificate number,
   * the CURRENT validity (moved by extensions), the extension certificates (Annex 3), the status of
   * the day, and an early termination's date and ground category. Never the business plan, the
   * decision reference or any other confidential detail (F-35).
   */
  registryEntry(p: RegistryRow, today: string = this.today()) {
    return {
      companyName: p.companyName,
      bin: p.bin,
      activityTypes: p.activityTypes.map((t) => ({ code: t.code, name: t.name })),
      certificateNumber: p.certificateNumber,
      validFrom: p.termStart,
      validTo: p.validTo,
      status: registryStatusOn(p, today),
      listedOn: p.listedOn!,
      extensions: p.extensions.map((x) => ({ certificateNumber: x.certificateNumber, issuedOn: x.issuedOn, validFrom: x.validFrom, validTo: x.validTo })),
      termination: p.endKind === 'early' && p.endedOn && p.endGround ? { terminatedOn: p.endedOn, ground: p.endGround, groundNumber: p.endGroundNumber } : null,
    };
  }

  /**
   * The registry's filters as SQL (listed ones only, F-19): over `registration_participant`, or —
   * `byActivity`, ADR 0125 — over `registration_registry_activity`, one row per (participant,
   * activity type), whose partial index `(code, company_name, bin, participant_id) where listed`
   * serves one activity type in registry order. Both tables name the filtered columns alike.
   */
  private registryWhere(q: RegistryFilter, today: string, byActivity = false): { where: string[]; params: unknown[] } {
    const where: string[] = [byActivity ? 'listed' : 'listed_on is not null'];
    const params: unknown[] = [];
    if (byActivity) {
      where.unshift('code = ?');
      params.push(q.activityType);
    }
    if (q.q) {
      where.push(`(company_name ilike ? or bin like ? or certificate_number ilike ?)`);
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, `${q.q.replace(/[\\%_]/g, '')}%`, like);
    }
    if (q.activityType && !byActivity) {
      // Served by the GIN index (jsonb_path_ops) of ADR 0048 (the export's filter).
      where.push(`activity_types @> ?::jsonb`);
      params.push(JSON.stringify([{ code: q.activityType }]));
    }
    if (q.status) {
      // The SQL twin of Participant.statusOn (F-19, F-25, F-27, F-28).
      const terminated = `coalesce(end_kind = 'early' and ended_on <= ?::date, false)`;
      if (q.status === 'terminated') {
        where.push(terminated);
        params.push(today);
      } else {
        where.push(`not ${terminated} and valid_to ${q.status === 'active' ? '>=' : '<'} ?::date`);
        params.push(today, today);
      }
    }
    return { where, params };
  }

  /**
   * One page of listed participants in (company name, BIN, id) order — by keyset after `after`
   * (ADR 0048), else by page number. ONE statement (ADR 0144): the page's keys through the registry's
   * partial index (the same inner select, hence the same plan, as before), joined to the participant
   * rows for the columns an entry shows, as plain rows — no entity, no identity map. Returns the
   * cursor of the last row when there are more.
   */
  private async registrySlice(
    q: RegistryFilter,
    today: string,
    slice: { limit: number; after?: string | undefined; offset?: number },
  ): Promise<{ rows: RegistryRow[]; nextCursor: string | null }> {
    // ADR 0125: one activity type is one index range scan of its own table, in the same order.
    const byActivity = q.activityType !== undefined;
    const [table, id] = byActivity ? ['registration_registry_activity', 'participant_id'] : ['registration_participant', 'id'];
    const { where, params } = this.registryWhere(q, today, byActivity);
    const after = slice.after ? decodeKeysetCursor(slice.after, 3) : null;
    if (after) {
      where.push(`(company_name, bin, ${id}) > (?, ?, ?::uuid)`);
      params.push(...after);
    }
    const offset = !after && slice.offset ? ` offset ${slice.offset}` : '';
    // The keys (and so the cursor) come from the table the page is ordered on, as before; the inner
    // `limit` keeps the select a subquery of its own (never flattened into the join).
    const rows = await this.em().execute<(RegistryPlainRow & { key_id: string; key_name: string; key_bin: string })[]>(
      `select k.id as key_id, k.company_name as key_name, k.bin as key_bin, ${REGISTRY_PLAIN_COLUMNS('p.')}
         from (select ${id} as id, company_name, bin from ${table} where ${where.join(' and ')}
                order by company_name, bin, ${id} limit ${slice.limit + 1}${offset}) k
         join registration_participant p on p.id = k.id
        order by k.company_name, k.bin, k.id`,
      params,
    );
    const page = rows.slice(0, slice.limit);
    const last = page.at(-1);
    return {
      rows: page.map(registryRowOf),
      nextCursor: rows.length > slice.limit && last ? encodeKeysetCursor([last.key_name, last.key_bin, last.key_id]) : null,
    };
  }

  /**
   * F-19: the public registry, filtered and sorted, one page (by number, or by keyset after `after`).
   * ADR 0125: the total is counted for the FIRST page only (page 1, no `after`) — a later page says
   * `total: null` and costs no `count(*)`; a client keeps the first page's total.
   */
  async registry(q: RegistryFilter & { page: number; pageSize: number; after?: string | undefined }) {
    const first = q.page === 1 && !q.after;
    const byActivity = q.activityType !== undefined;
    // One "today" (Almaty) for the filter, the count and every entry of the page (ADR 0144).
    const today = this.today();
    const { where, params } = this.registryWhere(q, today, byActivity);
    const [count, slice] = await Promise.all([
      first
        ? this.em().execute<{ n: string }[]>(
            `select count(*)::text as n from ${byActivity ? 'registration_registry_activity' : 'registration_participant'} where ${where.join(' and ')}`,
            params,
          )
        : null,
      this.registrySlice(q, today, { limit: q.pageSize, after: q.after, offset: (q.page - 1) * q.pageSize }),
    ]);
    return {
      items: slice.rows.map((p) => this.registryEntry(p, today)),
      page: q.page,
      pageSize: q.pageSize,
      total: count ? Number(count[0]?.n ?? 0) : null,
      nextCursor: slice.nextCursor,
    };
  }

  /**
   * F-19: the whole filtered registry for the export, in batches of entries (ADR 0048, ADR 0087).
   * One read-only REPEATABLE READ transaction declares a server-side cursor over the filtered rows
   * in registry order and fetches them `batchSize` at a time: one statement per batch, no keyset
   * re-query, one consistent snapshot of the registry. Each batch's plain rows become entries and
   * are dropped with the batch — constant memory, whatever the registry's size. The transaction
   * ends (rollback: it wrote nothing) when the generator is done or returned early (the client
   * went away).
   */
  async *registryExport(q: RegistryFilter, batchSize = 2_000): AsyncGenerator<RegistryEntry[]> {
    const today = this.today();
    const { where, params } = this.registryWhere(q, today);
    const em = this.em();
    await em.begin({ isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
    try {
      // ADR 0125 (amended): the columns an entry shows, dates as text, as plain rows — no entity, no
      // identity map (hydrating 100 000 aggregates was two thirds of the export's CPU); the status is
      // the same rule as the aggregate's (registryStatusOn), for one `today` of the whole snapshot.
      await em.execute(
        `declare registry_export no scroll cursor for
           select ${REGISTRY_PLAIN_COLUMNS('')} from registration_participant where ${where.join(' and ')} order by company_name, bin, id`,
        params,
      );
      for (;;) {
        const rows = await em.execute<RegistryPlainRow[]>(`fetch forward ${batchSize} from registry_export`);
        if (rows.length === 0) return;
        yield rows.map((r) => this.registryEntry(registryRowOf(r), today));
        if (rows.length < batchSize) return;
      }
    } finally {
      await em.rollback();
    }
  }

  /**
   * Anyone can verify a certificate by its number (the QR code opens this): the registration
   * certificate (Annex 2) or an extension certificate (Annex 3, F-25) — valid while the participation
   * is active and, for an extension, within its own period; a terminated or expired participant's
   * certificates answer `valid: false` with the status and (early) the termination's date and ground.
   */
  async verifyCertificate(number: string) {
    const em = this.em();
    const participant = number.startsWith('EXT-')
      ? ((await em.find(ParticipantSchema, { extensions: { $contains: [{ certificateNumber: number }] } }, { limit: 1 }))[0] ?? null)
      : await em.findOne(ParticipantSchema, { certificateNumber: number });
    const cert = participant ? await em.findOne(IssuedCertificateSchema, { number: participant.certificateNumber }) : null;
    if (!participant || !cert || !participant.listedOn) throw new NotFoundError('certificate', number);
    const signature: CertificateSignature = cert.signature;
    const verified = await this.signer.verify(Buffer.from(cert.pdf), signature);
    const entry = this.registryEntry(participant);
    const extension = participant.extensions.find((x) => x.certificateNumber === number);
    const today = this.today();
    const certificate = extension
      ? { kind: 'extension' as const, number, validFrom: extension.validFrom, validTo: extension.validTo }
      : { kind: 'registration' as const, number, validFrom: participant.termStart, validTo: participant.termEnd };
    const inItsPeriod = !extension || (extension.validFrom <= today && today <= extension.validTo);
    return {
      ...entry,
      certificate,
      issuedOn: extension ? extension.issuedOn : cert.issuedOn,
      valid: entry.status === 'active' && verified && inItsPeriod,
      signature: { provider: signature.provider, nationalPki: signature.nationalPki, algorithm: signature.algorithm, keyId: signature.keyId, verified },
      // Issue #10: the hash of the PDF issued under this number (the extension's PDF is participation's, ADR 0051).
      sha256: extension ? null : createHash('sha256').update(cert.pdf).digest('hex'),
    };
  }

  /** F-35: a participant's own record, for the company itself and the Fund's participant-file readers (others: 404). */
  async participant(bin: string, actor: Actor) {
    const staff = hasAnyRole(actor, PARTICIPANT_FILE_ROLES);
    if (!staff && !(actor.roles.includes('applicant') && actor.companies.includes(bin))) throw new NotFoundError('participant', bin);
    // The company's latest participation (after an ended one it may have registered again, F-25 → F-8).
    const [p] = await this.em().find(ParticipantSchema, { bin }, { orderBy: { createdAt: 'desc', certificateNumber: 'desc' }, limit: 1 });
    if (!p) throw new NotFoundError('participant', bin);
    return {
      id: p.id,
      bin: p.bin,
      companyName: p.companyName,
      address: p.address,
      activityTypes: p.activityTypes,
      contractNumber: p.contractNumber,
      contractSignedOn: p.contractSignedOn,
      termStart: p.termStart,
      termEnd: p.termEnd,
      certificateNumber: p.certificateNumber,
      certificateIssuedOn: p.certificateIssuedOn,
      listedOn: p.listedOn,
      status: p.statusOn(this.today()),
      validTo: p.validTo,
      extensions: p.extensions.map((x) => ({ certificateNumber: x.certificateNumber, issuedOn: x.issuedOn, validFrom: x.validFrom, validTo: x.validTo })),
      end: p.end,
    };
  }

  /** The issued PDF, for the Fund and the company itself. */
  async certificatePdf(applicationId: string, actor: Actor): Promise<{ number: string; pdf: Buffer }> {
    const em = this.em();
    const app = await em.findOne(ApplicationSchema, { id: applicationId });
    if (!app) throw new NotFoundError('application', applicationId);
    assertMayReadApplication(actor, app);
    const number = app.certificateNumber;
    const cert = number ? await em.findOne(IssuedCertificateSchema, { number }) : null;
    if (!cert) throw new NotFoundError('certificate', `of application ${applicationId}`);
    return { number: cert.number, pdf: Buffer.from(cert.pdf) };
  }
}
