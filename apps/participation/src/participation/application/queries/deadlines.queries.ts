import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  DEADLINE_READER_ROLES,
  type DeadlinesPage,
  type DeadlinesPageQuery,
  decodeDeadlineCursor,
  encodeDeadlineCursor,
  hasAnyRole,
} from '@hub/contracts';
import { UnitOfWork } from '@hub/nest-commons';
import { sql } from '@hub/messaging';
import { Clock } from '@hub/kernel';
import { today } from '../../../shared/application/today.js';
import { seesEveryCompany } from '../../../shared/application/access.js';

export interface DeadlineView {
  kind: 'membership-fee' | 'quarterly-report' | 'information-request' | 'audit-opinion' | 'term-end';
  ruleId: string;
  subjectId: string;
  participationId: string;
  bin: string;
  companyName: string;
  dueDate: string;
  status: string;
  overdue: boolean;
}

interface Row {
  kind: DeadlineView['kind'];
  rule_id: string;
  subject_id: string;
  participation_id: string;
  bin: string;
  company_name: string;
  due_date: string;
  status: string;
  key: string;
}

/** Every open deadline of the context as one relation; `key` (kind:subject) is unique and sorts in code-unit order. */
const OPEN_DEADLINES = `
  select kind, rule_id, subject_id, participation_id, bin, company_name, due_date collate "C" as due_date, status, (kind || ':' || subject_id) collate "C" as key from (
    select 'membership-fee' as kind, 'F-21' as rule_id, f.id::text as subject_id, f.participation_id, f.bin, p.company_name, f.due_date::text as due_date, f.status
      from membership_fee f join participation p on p.id = f.participation_id where f.status <> 'paid'
    union all
    select 'quarterly-report', 'F-37', r.id::text, r.participation_id, r.bin, p.company_name, r.due_date::text, r.status
      from quarterly_report r join participation p on p.id = r.participation_id where r.status in ('due', 'overdue')
    union all
    select 'information-request', case when i.kind = 'audit-report' then 'F-33' else 'F-32' end, i.id::text, i.participation_id, i.bin, p.company_name, i.due_date::text, i.status
      from information_request i join participation p on p.id = i.participation_id where i.status in ('open', 'overdue')
    union all
    select 'audit-opinion', 'F-33', a.id::text, a.participation_id, a.bin, p.company_name, a.due_date::text, a.status
      from audit_obligation a join participation p on p.id = a.participation_id where a.status in ('owed', 'overdue')
    union all
    select 'term-end', 'F-27', p.id::text, p.id, p.bin, p.company_name, p.term_end::text, p.status
      from participation p where p.status = 'active'
  ) u`;

/**
 * Every open statutory deadline of the context (ADR 0033 contract): unpaid fees (F-21), reports
 * not submitted (F-37, F-39), unanswered requests (F-32, F-38), audit opinions owed (F-33) and the
 * planned end of active participations (F-27). Closed ones (paid, submitted, answered) are left out.
 */
@Injectable()
export class DeadlineQueries {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * One keyset page (ADR 0047) in (due date, kind:subject) order — code-unit order (`collate "C"`),
   * the same as the cursor's comparison — with the counts of everything the filters select.
   */
  async open(actor: Actor, q: DeadlinesPageQuery): Promise<DeadlinesPage<DeadlineView>> {
    const on = today(this.clock);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, ...values: unknown[]): void => {
      where.push(condition);
      params.push(...values);
    };
    if (!seesEveryCompany(actor) && !hasAnyRole(actor, DEADLINE_READER_ROLES)) {
      const mine = actor.companies.length ? [...actor.companies] : ['-'];
      add(`bin in (${mine.map(() => '?').join(', ')})`, ...mine);
    }
    if (q.bin) add(`bin = ?`, q.bin);
    if (q.dueBefore) add(`due_date <= ?`, q.dueBefore);
    const overdue = `(status = 'overdue' or due_date < ?)`;
    if (q.overdue !== undefined) add(q.overdue ? overdue : `not ${overdue}`, on);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const after = q.after ? decodeDeadlineCursor(q.after) : null;
    const keyset = after ? `${filter ? ' and' : 'where'} (due_date, key) > (? collate "C", ? collate "C")` : '';
    const em = this.uow.reader();
    const [counts, rows] = await Promise.all([
      sql<{ total: string; overdue: string }>(
        em,
        `select count(*)::text as total, count(*) filter (where ${overdue})::text as overdue from (${OPEN_DEADLINES}) d ${filter}`,
        [on, ...params],
      ),
      sql<Row>(em, `select * from (${OPEN_DEADLINES}) d ${filter}${keyset} order by due_date, key limit ${q.limit + 1}`, [
        ...params,
        ...(after ? [after[0], after[1]] : []),
      ]),
    ]);
    const items = rows.slice(0, q.limit).map((r) => ({
      kind: r.kind,
      ruleId: r.rule_id,
      subjectId: r.subject_id,
      participationId: r.participation_id,
      bin: r.bin,
      companyName: r.company_name,
      dueDate: r.due_date,
      status: r.status,
      overdue: r.status === 'overdue' || r.due_date < on,
      cursor: encodeDeadlineCursor(r.due_date, r.key),
    }));
    return {
      items,
      nextCursor: rows.length > q.limit ? items.at(-1)!.cursor : null,
      total: Number(counts[0]?.total ?? 0),
      overdueCount: Number(counts[0]?.overdue ?? 0),
    };
  }
}
