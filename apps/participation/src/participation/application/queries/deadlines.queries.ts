import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
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
}

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

  async open(actor: Actor, q: { overdue?: boolean | undefined; bin?: string | undefined }): Promise<DeadlineView[]> {
    const rows = await sql<Row>(
      this.uow.reader(),
      `select * from (
         select 'membership-fee' as kind, 'F-21' as rule_id, f.id as subject_id, f.participation_id, f.bin, p.company_name, f.due_date::text as due_date, f.status
           from membership_fee f join participation p on p.id = f.participation_id where f.status <> 'paid'
         union all
         select 'quarterly-report', 'F-37', r.id, r.participation_id, r.bin, p.company_name, r.due_date::text, r.status
           from quarterly_report r join participation p on p.id = r.participation_id where r.status in ('due', 'overdue')
         union all
         select 'information-request', case when i.kind = 'audit-report' then 'F-33' else 'F-32' end, i.id, i.participation_id, i.bin, p.company_name, i.due_date::text, i.status
           from information_request i join participation p on p.id = i.participation_id where i.status in ('open', 'overdue')
         union all
         select 'audit-opinion', 'F-33', a.id, a.participation_id, a.bin, p.company_name, a.due_date::text, a.status
           from audit_obligation a join participation p on p.id = a.participation_id where a.status in ('owed', 'overdue')
         union all
         select 'term-end', 'F-27', p.id, p.id, p.bin, p.company_name, p.term_end::text, p.status
           from participation p where p.status = 'active'
       ) d order by due_date, bin, kind`,
    );
    const on = today(this.clock);
    const mine = seesEveryCompany(actor) ? undefined : new Set(actor.companies);
    return rows
      .map((r) => ({
        kind: r.kind,
        ruleId: r.rule_id,
        subjectId: r.subject_id,
        participationId: r.participation_id,
        bin: r.bin,
        companyName: r.company_name,
        dueDate: r.due_date,
        status: r.status,
        overdue: r.status === 'overdue' || r.due_date < on,
      }))
      .filter((d) => (!mine || mine.has(d.bin)) && (!q.bin || d.bin === q.bin) && (q.overdue === undefined || d.overdue === q.overdue));
  }
}
