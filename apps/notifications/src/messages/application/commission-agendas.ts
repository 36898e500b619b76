import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import type { CommissionAgendaEntry } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { sql, sqlRun } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { type AwaitedItem, type CommissionContext, REGISTRATION_COMMISSION } from '../domain/rules/commission-digest.rule.js';
import { PersonContacts } from './person-contacts.service.js';

/** A Commission's agenda as its owner publishes it (ADR 0138 §1): training's intake, clusters' round. */
export interface AgendaState {
  readonly members: readonly string[];
  readonly items: readonly CommissionAgendaEntry[];
  readonly closed: boolean;
  readonly asOf: string;
}

/** ADR 0138 §2: registration's awaited members are the learnt holders of this role (F-15: any of them may vote; no roster). */
export const REGISTRATION_VOTER_ROLE = 'commission-member';

interface ItemRow {
  context: CommissionContext;
  commission_id: string;
  application_id: string;
  due_on: IsoDate | null;
  awaiting: string[];
  voted: string[];
}

/**
 * The Commissions' agendas as notifications keeps them (issue #16, ADR 0138 §2–§3), fed by its inbox in the
 * inbox's transaction — every write is an upsert or a replacement, so a fact read twice changes nothing.
 * Training and clusters publish the agenda as a state (computed with their own rules — F-69's conflicts,
 * C-19's one vote per member): it replaces what is kept for the Commission unless older than it (`asOf`).
 * Registration publishes facts: `sent-to-commission` opens an item (due `decisionDueDate`), `commission-vote-cast`
 * marks the member voted, `decision-made` closes it; its awaited members are the learnt `commission-member`
 * holders minus those who voted. Application ids only: no BIN, no company name (F-35).
 */
@Injectable()
export class CommissionAgendas {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PersonContacts) private readonly persons: PersonContacts,
  ) {}

  /** registration.sent-to-commission: the item opens (again, after a return: the due day is the new one; votes kept, F-15 a later vote replaces). */
  async openRegistrationItem(applicationId: string, dueOn: IsoDate): Promise<void> {
    await sqlRun(
      this.uow.em(),
      `insert into notifications_commission_agenda_item (context, application_id, commission_id, due_on, closed, updated_at)
       values ('registration', ?, ?, ?, false, ?)
       on conflict (context, application_id) do update set due_on = excluded.due_on, closed = false, updated_at = excluded.updated_at`,
      [applicationId, REGISTRATION_COMMISSION, dueOn, this.clock.now()],
    );
  }

  /** registration.commission-vote-cast: the member has voted (who, never how). A vote read before its item opened keeps the member voted. */
  async markVoted(applicationId: string, member: string): Promise<void> {
    await sqlRun(
      this.uow.em(),
      `insert into notifications_commission_agenda_item (context, application_id, commission_id, due_on, voted, closed, updated_at)
       values ('registration', ?, ?, null, jsonb_build_array(?::text), false, ?)
       on conflict (context, application_id) do update set
         voted = case when notifications_commission_agenda_item.voted @> jsonb_build_array(?::text) then notifications_commission_agenda_item.voted
                      else notifications_commission_agenda_item.voted || jsonb_build_array(?::text) end,
         updated_at = excluded.updated_at`,
      [applicationId, REGISTRATION_COMMISSION, member, this.clock.now(), member, member],
    );
  }

  /** registration.decision-made: the Commission decided; nothing awaits anyone. */
  async closeRegistrationItem(applicationId: string): Promise<void> {
    await sqlRun(
      this.uow.em(),
      `update notifications_commission_agenda_item set closed = true, updated_at = ? where context = 'registration' and application_id = ?`,
      [this.clock.now(), applicationId],
    );
  }

  /**
   * training/clusters `commission-agenda-changed`: the kept agenda of that intake/round replaced by the state —
   * unless the kept one is newer (`asOf`; an equal one is the same snapshot again and changes nothing). Returns
   * whether it was applied.
   */
  async replace(context: Exclude<CommissionContext, 'registration'>, commissionId: string, state: AgendaState): Promise<boolean> {
    const em = this.uow.em();
    const kept = await sql<{ newer: boolean }>(
      em,
      `select as_of >= ?::timestamptz as newer from notifications_commission_agenda where context = ? and commission_id = ? for update`,
      [state.asOf, context, commissionId],
    );
    if (kept[0]?.newer) return false;
    const now = this.clock.now();
    await sqlRun(
      em,
      `insert into notifications_commission_agenda (context, commission_id, members, closed, as_of, updated_at) values (?, ?, ?::jsonb, ?, ?, ?)
       on conflict (context, commission_id) do update set members = excluded.members, closed = excluded.closed, as_of = excluded.as_of, updated_at = excluded.updated_at`,
      [context, commissionId, JSON.stringify(state.members), state.closed, state.asOf, now],
    );
    await sqlRun(em, `delete from notifications_commission_agenda_item where context = ? and commission_id = ?`, [context, commissionId]);
    // A closed Commission: nothing awaits anyone (ADR 0138 §1) — no open item is kept.
    for (const item of state.closed ? [] : state.items)
      await sqlRun(
        em,
        `insert into notifications_commission_agenda_item (context, application_id, commission_id, due_on, awaiting, closed, updated_at)
         values (?, ?, ?, ?, ?::jsonb, false, ?)
         on conflict (context, application_id) do update set commission_id = excluded.commission_id, due_on = excluded.due_on,
           awaiting = excluded.awaiting, closed = false, updated_at = excluded.updated_at`,
        [context, item.applicationId, commissionId, item.dueOn, JSON.stringify([...new Set(item.awaiting)]), now],
      );
    return true;
  }

  /** ADR 0138 §4: per member, the open items awaiting their vote (registration's: the learnt `commission-member` holders who have not voted). */
  async awaitedByMember(): Promise<Map<string, AwaitedItem[]>> {
    const rows = await sql<ItemRow>(
      this.uow.em(),
      `select context, commission_id, application_id, to_char(due_on, 'YYYY-MM-DD') as due_on, awaiting, voted
         from notifications_commission_agenda_item where not closed order by context, application_id`,
    );
    const registrationVoters = rows.some((r) => r.context === 'registration') ? await this.persons.holdersOf(REGISTRATION_VOTER_ROLE) : [];
    const byMember = new Map<string, AwaitedItem[]>();
    for (const r of rows) {
      const awaiting = r.context === 'registration' ? registrationVoters.filter((m) => !r.voted.includes(m)) : r.awaiting;
      const item: AwaitedItem = { context: r.context, commissionId: r.commission_id, applicationId: r.application_id, dueOn: r.due_on };
      for (const member of awaiting) byMember.set(member, [...(byMember.get(member) ?? []), item]);
    }
    return byMember;
  }
}
